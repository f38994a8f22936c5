import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import RadScribeServer

@Suite("Health, readiness and metrics")
struct HealthTests {
    @Test func healthAndReadyAnswerOK() async throws {
        try await withLiveServer { client in
            let health = try await client.get("/health")
            #expect(health.status == .ok)
            #expect(String(buffer: health.body) == #"{"status":"ok"}"#)
            let ready = try await client.get("/ready")
            #expect(ready.status == .ok)
            #expect(String(buffer: ready.body).contains(#""database":"ok""#))
        }
    }

    @Test func metricsCountRequestsAndReportLatency() async throws {
        let registry = PrometheusCollectorRegistry()
        try await withLiveServer(registry: registry) { client in
            _ = try await client.get("/health")
            _ = try await client.postJSON("/api/v1/reports/structure", #"{"text":"Befund: Kein Erguss.","language":"de"}"#)
            let metrics = try await client.get("/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = String(buffer: metrics.body)
            #expect(text.contains(#"hb_requests{http_route="/health",http_request_method="GET",http_response_status_code="200"} 1"#))
            #expect(text.contains("radscribe_report_generation_seconds_count 1"))
            #expect(text.contains("http_server_request_duration_bucket{http_route=\"/api/v1/reports/structure\""))
        }
    }

    @Test func everyResponseCarriesARequestID() async throws {
        try await withLiveServer { client in
            let first = try await client.get("/health")
            let second = try await client.get("/nowhere")
            let firstID = try #require(first.headers[.requestID])
            let secondID = try #require(second.headers[.requestID])
            #expect(firstID != secondID)
            #expect(try ProblemBody(second).instance == "urn:radscribe:request:\(secondID)")
        }
    }
}
