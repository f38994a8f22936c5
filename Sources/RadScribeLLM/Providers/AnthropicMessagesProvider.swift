import AsyncHTTPClient

/// Anthropic's Messages API (`POST {baseURL}/v1/messages`, `x-api-key`, `anthropic-version: 2023-06-01`).
///
/// The system prompt goes in `system`, the dictation in one user message; the answer is the concatenated `text`
/// blocks of `content`. `stop_reason` `max_tokens` marks it truncated, `refusal` is a refusal; 529 (overloaded) is a
/// server error worth a retry.
public struct AnthropicMessagesProvider: LLMProvider {
    /// The API version header this client is written against.
    public static let apiVersion = "2023-06-01"

    public let descriptor: LLMProviderDescriptor
    private let endpoint: String
    private let apiKey: String
    private let transport: ProviderHTTPTransport

    /// Creates a provider; `baseURL` is `https://api.anthropic.com` (without `/v1`).
    public init(descriptor: LLMProviderDescriptor, baseURL: String = "https://api.anthropic.com", apiKey: String, httpClient: HTTPClient = .shared) {
        self.descriptor = descriptor
        endpoint = ProviderHTTPTransport.url(baseURL, "/v1/messages")
        self.apiKey = apiKey
        transport = ProviderHTTPTransport(httpClient: httpClient)
    }

    public func complete(_ request: LLMRequest, timeout: Duration) async throws(LLMProviderError) -> LLMCompletion {
        let body = MessagesRequest(
            model: descriptor.model,
            maxTokens: request.maximumOutputTokens,
            temperature: request.temperature,
            system: request.system,
            messages: [.init(role: "user", content: request.user)]
        )
        let answer = try await transport.post(
            url: endpoint,
            headers: [("x-api-key", apiKey), ("anthropic-version", Self.apiVersion)],
            body: body,
            timeout: timeout
        )
        guard (200..<300).contains(answer.status) else {
            let error = try? ProviderHTTPTransport.decode(ErrorBody.self, from: answer.body)
            throw ProviderHTTPTransport.failure(answer, message: error?.error.message)
        }
        let response = try ProviderHTTPTransport.decode(MessagesResponse.self, from: answer.body)
        if response.stopReason == "refusal" {
            throw LLMProviderError(.refused, "the model refused")
        }
        let text = response.content.filter { $0.type == "text" }.compactMap(\.text).joined()
        guard !text.isEmpty else { throw LLMProviderError(.invalidResponse, "the answer has no text") }
        return LLMCompletion(
            text: text,
            model: response.model ?? descriptor.model,
            finish: response.stopReason == "max_tokens" ? .truncated : .complete,
            inputTokens: response.usage?.inputTokens,
            outputTokens: response.usage?.outputTokens
        )
    }
}

private struct MessagesRequest: Encodable {
    struct Message: Encodable {
        var role: String
        var content: String
    }

    var model: String
    var maxTokens: Int
    var temperature: Double
    var system: String
    var messages: [Message]

    enum CodingKeys: String, CodingKey {
        case model, temperature, system, messages
        case maxTokens = "max_tokens"
    }
}

private struct MessagesResponse: Decodable {
    struct Block: Decodable {
        var type: String
        var text: String?
    }

    struct Usage: Decodable {
        var inputTokens: Int?
        var outputTokens: Int?

        enum CodingKeys: String, CodingKey {
            case inputTokens = "input_tokens"
            case outputTokens = "output_tokens"
        }
    }

    var model: String?
    var content: [Block]
    var stopReason: String?
    var usage: Usage?

    enum CodingKeys: String, CodingKey {
        case model, content, usage
        case stopReason = "stop_reason"
    }
}

/// Anthropic's error body: `{"type": "error", "error": {"type", "message"}}`.
private struct ErrorBody: Decodable {
    struct Detail: Decodable {
        var type: String?
        var message: String?
    }

    var error: Detail
}
