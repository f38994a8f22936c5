import Foundation
import Hummingbird
import RadScribeCore
import RadScribeSpeech
import RadScribeTestSupport
import Synchronization
import Testing

/// An OpenAI-compatible transcription server on 127.0.0.1 that records the priority header of each request and answers
/// with a fixed verbose_json body, or with an OpenAI 400 error when the prompt is `refuse`.
private enum RecordingTranscriptionServer {
    static let answer =
        #"{"text":" No effusion.","language":"english","duration":1.0,"segments":[{"id":0,"start":0.0,"end":1.0,"text":" No effusion.","avg_logprob":-0.2,"no_speech_prob":0.01}]}"#

    static func withServer<T: Sendable>(
        _ body: @Sendable (_ baseURL: String, _ priorities: @Sendable () -> [String?]) async throws -> T
    ) async throws -> T {
        let priorities = Mutex<[String?]>([])
        let router = Router()
        router.post("v1/audio/transcriptions") { request, _ -> Response in
            priorities.withLock { $0.append(request.headers[.init("X-RadScribe-Priority")!]) }
            let form = String(buffer: try await request.body.collect(upTo: 1 << 22))
            if form.contains("name=\"prompt\"\r\n\r\nrefuse") {
                let error = #"{"error":{"message":"the prompt was refused","type":"invalid_request_error","param":"prompt","code":"invalid_value"}}"#
                return Response(status: .badRequest, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: error)))
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        return try await withLoopbackServer(router: router) { port in
            try await body("http://127.0.0.1:\(port)/v1") { priorities.withLock { $0 } }
        }
    }
}

@Suite("OpenAI transcription client")
struct OpenAITranscriptionClientTests {
    private let clip = [Float](repeating: 0.1, count: 16_000)

    @Test func onlyLowPriorityRequestsCarryThePriorityHeader() async throws {
        try await RecordingTranscriptionServer.withServer { baseURL, priorities in
            let client = OpenAITranscriptionClient(configuration: .init(baseURL: baseURL))
            let partial = try await client.transcribe(TranscriptionRequest(samples: clip, language: .en, wantsWords: false, priority: .low))
            let final = try await client.transcribe(TranscriptionRequest(samples: clip, language: .en))
            #expect(partial.text == "No effusion." && final.text == "No effusion.")
            #expect(priorities() == ["low", nil])
        }
    }

    @Test func aRefusedRequestIsNotRetryableAndKeepsTheServersMessage() async throws {
        try await RecordingTranscriptionServer.withServer { baseURL, _ in
            let client = OpenAITranscriptionClient(configuration: .init(baseURL: baseURL))
            let error = await #expect(throws: SpeechEngineError.self) {
                try await client.transcribe(TranscriptionRequest(samples: clip, language: .en, prompt: "refuse"))
            }
            #expect(error?.kind == .rejected)
            #expect(error?.isRetryable == false)
            #expect(error?.message == "the prompt was refused")
        }
    }
}
