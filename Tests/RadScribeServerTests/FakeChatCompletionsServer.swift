import Foundation
import Hummingbird
import NIOCore
import RadScribeTestSupport
import Synchronization

/// An OpenAI Chat Completions server on 127.0.0.1 that answers every request with one fixed assistant message, in the
/// API's exact response format, and counts the requests.
enum FakeChatCompletionsServer {
    /// Runs the server for the duration of `body`, which gets its `http://127.0.0.1:PORT/v1` base URL and the number
    /// of requests received so far.
    static func withServer<T: Sendable>(
        answering content: String,
        _ body: @Sendable (_ baseURL: String, _ requestCount: @Sendable () -> Int) async throws -> T
    ) async throws -> T {
        let count = Atomic<Int>(0)
        let router = Router()
        let answer = try JSONSerialization.data(withJSONObject: [
            "id": "chatcmpl-test", "object": "chat.completion", "model": "llama3",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 700, "completion_tokens": 90, "total_tokens": 790],
        ])
        router.post("v1/chat/completions") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 22)
            count.add(1, ordering: .relaxed)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: answer)))
        }
        return try await withLoopbackServer(router: router) { port in
            try await body("http://127.0.0.1:\(port)/v1") { count.load(ordering: .relaxed) }
        }
    }
}
