import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Metrics
import NIOCore
import NIOFoundationEssentialsCompat
import Prometheus
import RadScribeServer
import RadScribeSpeech

/// The script of the test engine: what the n-th utterance "says".
let testScript = ["Kein Pneumothorax.", "Kleiner Pleuraerguss links zwei Zentimeter."]

/// Builds the real application on a temporary SQLite file and runs `body` against it over a real loopback socket.
///
/// Speech comes from ``ScriptedSpeechEngine`` (real endpointing on the audio sent, scripted text), so these tests
/// exercise the protocols, sessions and storage without the speech worker; the worker is tested end to end in tests/e2e.
func withLiveServer<T>(
    limits: InputLimits = InputLimits(),
    speech: SpeechSettings = SpeechSettings(),
    llm: LLMSettings = LLMSettings(),
    registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
    _ body: @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("radscribe-server-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let configuration = ServerConfiguration(port: 0, dataDirectory: directory.path, limits: limits, speech: speech, llm: llm)
    var logger = Logger(label: "radscribe-test")
    logger.logLevel = .warning
    return try await withMetricsFactory(ServerMetrics.makeFactory(registry: registry)) {
        let app = try await buildApplication(
            configuration,
            registry: registry,
            logger: logger,
            speechEngine: ScriptedSpeechEngine(script: testScript)
        )
        return try await app.test(.live, body)
    }
}

extension TestClientProtocol {
    /// POSTs `json` as `application/json`.
    func postJSON(_ uri: String, _ json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json)) { $0 }
    }

    /// GETs `uri`.
    func get(_ uri: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .get) { $0 }
    }
}

/// The decoded body of a problem+json response.
struct ProblemBody: Decodable {
    var type: String
    var title: String
    var status: Int
    var detail: String?
    var instance: String?

    init(_ response: TestResponse) throws {
        self = try JSONDecoder().decode(ProblemBody.self, from: Data(buffer: response.body))
    }
}

/// A JSON string literal of `text`.
func jsonString(_ text: String) -> String {
    String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
}
