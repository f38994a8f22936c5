import Foundation
import Hummingbird
import NIOCore
import RadScribeLLM
import RadScribeTestSupport
import Synchronization

/// One loopback HTTP server that speaks the wire formats of OpenAI Chat Completions (`POST /v1/chat/completions`),
/// Anthropic Messages (`POST /v1/messages`) and Gemini (`POST /v1beta/models/{model}:generateContent`), answering from
/// a script per API, errors included, and recording every request it receives.
final class FakeProviderServer: Sendable {
    /// Which wire format.
    enum API: String, Sendable, CaseIterable {
        case openAI, anthropic, gemini
    }

    /// One scripted answer.
    enum Reply: Sendable {
        /// A successful answer with this text; `finish` in the API's own terms (`stop`/`length`, `end_turn`/`max_tokens`,
        /// `STOP`/`MAX_TOKENS`), the API's normal one when `nil`.
        case answer(String, finish: String? = nil)
        /// The API's refusal: OpenAI `message.refusal`, Anthropic `stop_reason: refusal`, Gemini `finishReason: SAFETY`.
        case refusal
        /// An error status with the API's error body and optional `Retry-After` value; `code` is OpenAI's error code.
        case error(status: Int, retryAfter: String? = nil, code: String? = nil)
        /// 200 with a body that is not JSON.
        case malformed
        /// Waits this long, then answers with the reply.
        indirect case delayed(Duration, Reply)
    }

    /// A request the server received.
    struct Received: Sendable {
        var api: API
        var path: String
        /// The query string, without `?`.
        var query: String?
        /// Header names in lower case.
        var headers: [String: String]
        var body: String

        /// The body as JSON.
        var json: JSONValue? { try? JSONDecoder().decode(JSONValue.self, from: Data(body.utf8)) }
    }

    private let scripts = Mutex<[API: [Reply]]>([:])
    private let received = Mutex<[Received]>([])
    let port: Int

    private init(port: Int) {
        self.port = port
    }

    /// The base URL a provider of `api` is configured with.
    func baseURL(_ api: API) -> String {
        switch api {
        case .openAI: "http://127.0.0.1:\(port)/v1"
        case .anthropic, .gemini: "http://127.0.0.1:\(port)"
        }
    }

    /// Queues replies for `api`; when the queue is empty the server answers `{"ok": true}` as the API's text.
    func script(_ api: API, _ replies: [Reply]) {
        scripts.withLock { $0[api, default: []].append(contentsOf: replies) }
    }

    /// The requests received so far, in order.
    var requests: [Received] { received.withLock { $0 } }

    /// Runs a server for the duration of `body`.
    static func withServer<T: Sendable>(_ body: @Sendable (FakeProviderServer) async throws -> T) async throws -> T {
        let holder = Mutex<FakeProviderServer?>(nil)
        let router = Router()
        router.post("v1/chat/completions") { request, _ in try await holder.withLock { $0 }!.serve(.openAI, request) }
        router.post("v1/messages") { request, _ in try await holder.withLock { $0 }!.serve(.anthropic, request) }
        router.post("v1beta/models/:target") { request, _ in try await holder.withLock { $0 }!.serve(.gemini, request) }
        return try await withLoopbackServer(router: router) { port in
            let server = FakeProviderServer(port: port)
            holder.withLock { $0 = server }
            return try await body(server)
        }
    }

    private func serve(_ api: API, _ request: Request) async throws -> Response {
        let body = String(buffer: try await request.body.collect(upTo: 1 << 22))
        var headers: [String: String] = [:]
        for field in request.headers {
            headers[field.name.canonicalName.lowercased()] = field.value
        }
        received.withLock { $0.append(Received(api: api, path: request.uri.path, query: request.uri.query, headers: headers, body: body)) }
        let reply = scripts.withLock { scripts -> Reply in
            guard var queue = scripts[api], !queue.isEmpty else { return .answer(#"{"ok": true}"#) }
            let first = queue.removeFirst()
            scripts[api] = queue
            return first
        }
        return try await respond(api, reply)
    }

    private func respond(_ api: API, _ reply: Reply) async throws -> Response {
        switch reply {
        case .delayed(let delay, let reply):
            try await Task.sleep(for: delay)
            return try await respond(api, reply)
        case .malformed:
            return Self.json(200, #"{"choices": [ {"message": "#)
        case .error(let status, let retryAfter, let code):
            var response = Self.json(status, Self.errorBody(api, status: status, code: code))
            if let retryAfter { response.headers[.retryAfter] = retryAfter }
            return response
        case .refusal:
            return Self.json(200, Self.refusalBody(api))
        case .answer(let text, let finish):
            return Self.json(200, Self.answerBody(api, text: text, finish: finish))
        }
    }

    private static func json(_ status: Int, _ body: String) -> Response {
        Response(
            status: .init(code: status),
            headers: [.contentType: "application/json"],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }

    private static func encoded(_ value: JSONValue) -> String {
        String(decoding: try! JSONEncoder().encode(value), as: UTF8.self)
    }

    private static func answerBody(_ api: API, text: String, finish: String?) -> String {
        switch api {
        case .openAI:
            encoded(
                .object([
                    "id": .string("chatcmpl-1"), "object": .string("chat.completion"), "model": .string("gpt-4o-2024-08-06"),
                    "choices": .array([
                        .object([
                            "index": .number(0),
                            "message": .object(["role": .string("assistant"), "content": .string(text), "refusal": .null]),
                            "finish_reason": .string(finish ?? "stop"),
                        ])
                    ]),
                    "usage": .object(["prompt_tokens": .number(812), "completion_tokens": .number(245), "total_tokens": .number(1057)]),
                ])
            )
        case .anthropic:
            encoded(
                .object([
                    "id": .string("msg_01"), "type": .string("message"), "role": .string("assistant"),
                    "model": .string("claude-sonnet-4-20250514"),
                    "content": .array([.object(["type": .string("text"), "text": .string(text)])]),
                    "stop_reason": .string(finish ?? "end_turn"), "stop_sequence": .null,
                    "usage": .object(["input_tokens": .number(812), "output_tokens": .number(245)]),
                ])
            )
        case .gemini:
            encoded(
                .object([
                    "candidates": .array([
                        .object([
                            "content": .object(["parts": .array([.object(["text": .string(text)])]), "role": .string("model")]),
                            "finishReason": .string(finish ?? "STOP"), "index": .number(0),
                        ])
                    ]),
                    "usageMetadata": .object([
                        "promptTokenCount": .number(812), "candidatesTokenCount": .number(245), "totalTokenCount": .number(1057),
                    ]),
                    "modelVersion": .string("gemini-2.0-flash"),
                ])
            )
        }
    }

    private static func refusalBody(_ api: API) -> String {
        switch api {
        case .openAI:
            encoded(
                .object([
                    "id": .string("chatcmpl-2"), "object": .string("chat.completion"), "model": .string("gpt-4o-2024-08-06"),
                    "choices": .array([
                        .object([
                            "index": .number(0),
                            "message": .object(["role": .string("assistant"), "content": .null, "refusal": .string("I can't help with that.")]),
                            "finish_reason": .string("stop"),
                        ])
                    ]),
                ])
            )
        case .anthropic:
            encoded(
                .object([
                    "id": .string("msg_02"), "type": .string("message"), "role": .string("assistant"), "model": .string("claude-sonnet-4-20250514"),
                    "content": .array([]), "stop_reason": .string("refusal"),
                    "usage": .object(["input_tokens": .number(812), "output_tokens": .number(0)]),
                ])
            )
        case .gemini:
            encoded(
                .object([
                    "candidates": .array([.object(["finishReason": .string("SAFETY"), "index": .number(0)])]),
                    "usageMetadata": .object(["promptTokenCount": .number(812)]),
                ])
            )
        }
    }

    private static func errorBody(_ api: API, status: Int, code: String?) -> String {
        switch api {
        case .openAI:
            encoded(
                .object([
                    "error": .object([
                        "message": .string(
                            status == 429 ? "Rate limit reached for requests" : "The server had an error while processing your request."
                        ),
                        "type": .string(status == 429 ? "requests" : "server_error"), "param": .null,
                        "code": code.map(JSONValue.string) ?? .null,
                    ])
                ])
            )
        case .anthropic:
            encoded(
                .object([
                    "type": .string("error"),
                    "error": .object([
                        "type": .string(status == 429 ? "rate_limit_error" : status == 529 ? "overloaded_error" : "api_error"),
                        "message": .string(status == 429 ? "Number of requests has exceeded your rate limit" : "Overloaded"),
                    ]),
                ])
            )
        case .gemini:
            encoded(
                .object([
                    "error": .object([
                        "code": .number(Double(status)),
                        "message": .string(status == 429 ? "Resource has been exhausted (e.g. check quota)." : "Internal error encountered."),
                        "status": .string(status == 429 ? "RESOURCE_EXHAUSTED" : "INTERNAL"),
                    ])
                ])
            )
        }
    }
}
