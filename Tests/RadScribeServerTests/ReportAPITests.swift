import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOFoundationEssentialsCompat
import Testing

@testable import RadScribeServer

@Suite("Report API")
struct ReportAPITests {
    static let dictation = "Klinische Angaben: Schmerzen rechts. Befund: Kein Pneumothorax. Beurteilung: Unauffälliger Befund."

    @Test func structureReturnsTheReportWithoutStoringIt() async throws {
        try await withLiveServer { client in
            let response = try await client.postJSON(
                "/api/v1/reports/structure",
                #"{"text":\#(jsonString(Self.dictation)),"language":"de"}"#
            )
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json")
            let report = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
            #expect(report?["schema_version"] as? String == "1.0")
            #expect(report?["language"] as? String == "de")
            #expect(report?["original_text"] as? String == Self.dictation)
            let history = try await client.get("/api/v1/reports")
            #expect(String(buffer: history.body).contains(#""total":0"#))
        }
    }

    @Test func structureRendersTextAndMarkdown() async throws {
        try await withLiveServer { client in
            let body = #"{"text":\#(jsonString(Self.dictation)),"language":"de"}"#
            let text = try await client.execute(
                uri: "/api/v1/reports/structure?format=text",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { $0 }
            #expect(text.headers[.contentType] == "text/plain; charset=utf-8")
            #expect(String(buffer: text.body).contains("Pneumothorax"))
            let markdown = try await client.execute(
                uri: "/api/v1/reports/structure?format=markdown",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { $0 }
            #expect(markdown.headers[.contentType] == "text/markdown; charset=utf-8")
            let unknown = try await client.execute(
                uri: "/api/v1/reports/structure?format=pdf",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { $0 }
            #expect(unknown.status == .badRequest)
        }
    }

    @Test func acceptsPlainTextWithLanguageInTheQuery() async throws {
        try await withLiveServer { client in
            let response = try await client.execute(
                uri: "/api/v1/reports/structure?language=en",
                method: .post,
                headers: [.contentType: "text/plain; charset=utf-8"],
                body: ByteBuffer(string: "Findings: No pneumothorax.")
            ) { $0 }
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains(#""language":"en""#))
        }
    }

    @Test func roundTripGivesBackTheSameReportByteForByte() async throws {
        try await withLiveServer { client in
            let body = #"{"text":\#(jsonString(Self.dictation)),"language":"de","context":{"patient_sex":"female"}}"#
            let structured = try await client.postJSON("/api/v1/reports/structure", body)
            let created = try await client.postJSON("/api/v1/reports", body)
            #expect(created.status == .created)
            let location = try #require(created.headers[.location])
            #expect(created.headers[.eTag] == "\"1\"")
            let fetched = try await client.get(location)
            #expect(fetched.status == .ok)
            let reportBytes = String(buffer: structured.body)
            #expect(String(buffer: fetched.body).hasSuffix(#","report":\#(reportBytes)}"#))
            #expect(String(buffer: created.body).hasSuffix(#","report":\#(reportBytes)}"#))
            let envelope = try #require(try JSONSerialization.jsonObject(with: Data(buffer: fetched.body)) as? [String: Any])
            #expect(envelope["version"] as? Int == 1)
            #expect(location == "/api/v1/reports/\(envelope["id"] as? String ?? "")")
        }
    }

    @Test func listsHistoryWithFiltersAndPaging() async throws {
        try await withLiveServer { client in
            for index in 0..<3 {
                _ = try await client.postJSON("/api/v1/reports", #"{"text":"Befund: Zyste \#(index) rechts.","language":"de"}"#)
            }
            let page = try await client.get("/api/v1/reports?limit=2&offset=0")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: page.body)) as? [String: Any])
            #expect(object["total"] as? Int == 3)
            #expect((object["items"] as? [Any])?.count == 2)
            let search = try await client.get("/api/v1/reports?q=Zyste%201")
            #expect(String(buffer: search.body).contains(#""total":1"#))
            let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
            let dated = try await client.get("/api/v1/reports?from=\(today)")
            #expect(String(buffer: dated.body).contains(#""total":3"#))
            let future = try await client.get("/api/v1/reports?from=2999-01-01T00:00:00Z")
            #expect(String(buffer: future.body).contains(#""total":0"#))
        }
    }

    @Test(arguments: [
        "exam_type=xray", "limit=0", "limit=201", "limit=abc", "offset=-1", "from=yesterday", "to=2026-13-45",
    ])
    func rejectsBadHistoryParameters(query: String) async throws {
        try await withLiveServer { client in
            let response = try await client.get("/api/v1/reports?\(query)")
            #expect(response.status == .badRequest)
            #expect(response.headers[.contentType] == "application/problem+json")
        }
    }

    @Test func unknownAndMalformedIDs() async throws {
        try await withLiveServer { client in
            let missing = try await client.get("/api/v1/reports/\(UUID().uuidString)")
            #expect(missing.status == .notFound)
            #expect(try ProblemBody(missing).title == "Not found")
            let malformed = try await client.get("/api/v1/reports/not-a-uuid")
            #expect(malformed.status == .badRequest)
        }
    }
}
