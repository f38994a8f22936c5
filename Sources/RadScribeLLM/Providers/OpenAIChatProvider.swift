import AsyncHTTPClient

/// OpenAI Chat Completions (`POST {baseURL}/chat/completions`), and every server that speaks it: Azure OpenAI, vLLM,
/// llama.cpp's server, Ollama, LocalAI.
///
/// The answer is asked for as JSON: with a JSON schema (`response_format.type = json_schema`, strict) where the
/// server supports structured output, as a JSON object (`json_object`) otherwise, or with no `response_format` at all
/// for servers that reject it (the prompt still asks for JSON). A `refusal` in the message is a refusal; a
/// `finish_reason` of `length` or `content_filter` marks the answer truncated or filtered.
public struct OpenAIChatProvider: LLMProvider {
    /// How the answer's JSON shape is requested.
    public enum StructuredOutput: String, Sendable, Hashable {
        /// `response_format: {type: json_schema, json_schema: {…, strict: true}}` (OpenAI, vLLM, llama.cpp, Ollama ≥ 0.5).
        case jsonSchema = "json_schema"
        /// `response_format: {type: json_object}`.
        case jsonObject = "json_object"
        /// No `response_format`.
        case none
    }

    /// How the API key is sent.
    public enum Authentication: Sendable, Hashable {
        /// `Authorization: Bearer KEY` (OpenAI and most compatible servers).
        case bearer(String)
        /// `api-key: KEY` (Azure OpenAI).
        case apiKeyHeader(String)
        /// Nothing (a local server without authentication).
        case none
    }

    public let descriptor: LLMProviderDescriptor
    private let endpoint: String
    private let authentication: Authentication
    private let structuredOutput: StructuredOutput
    private let transport: ProviderHTTPTransport

    /// Creates a provider.
    /// - Parameters:
    ///   - descriptor: Name, model and whether the endpoint is on-premise.
    ///   - baseURL: Up to and including the API version path (`https://api.openai.com/v1`, `http://127.0.0.1:8081/v1`,
    ///     or an Azure deployment URL `https://NAME.openai.azure.com/openai/deployments/DEPLOYMENT`).
    ///   - query: A query string for every call (Azure's `api-version=2024-10-21`), without `?`.
    public init(
        descriptor: LLMProviderDescriptor,
        baseURL: String,
        query: String? = nil,
        authentication: Authentication,
        structuredOutput: StructuredOutput = .jsonSchema,
        httpClient: HTTPClient = .shared
    ) {
        self.descriptor = descriptor
        endpoint = ProviderHTTPTransport.url(baseURL, "/chat/completions") + (query.map { "?" + $0 } ?? "")
        self.authentication = authentication
        self.structuredOutput = structuredOutput
        transport = ProviderHTTPTransport(httpClient: httpClient)
    }

    public func complete(_ request: LLMRequest, timeout: Duration) async throws(LLMProviderError) -> LLMCompletion {
        let body = ChatRequest(
            model: descriptor.model,
            messages: [.init(role: "system", content: request.system), .init(role: "user", content: request.user)],
            temperature: request.temperature,
            maxTokens: request.maximumOutputTokens,
            responseFormat: responseFormat(for: request)
        )
        var headers: [(String, String)] = []
        switch authentication {
        case .bearer(let key): headers.append(("Authorization", "Bearer \(key)"))
        case .apiKeyHeader(let key): headers.append(("api-key", key))
        case .none: break
        }
        let answer = try await transport.post(url: endpoint, headers: headers, body: body, timeout: timeout)
        guard (200..<300).contains(answer.status) else {
            let error = try? ProviderHTTPTransport.decode(ErrorBody.self, from: answer.body)
            let quota = error?.error.code == "insufficient_quota" || error?.error.type == "insufficient_quota"
            throw ProviderHTTPTransport.failure(answer, message: error?.error.message, quotaExhausted: quota)
        }
        let response = try ProviderHTTPTransport.decode(ChatResponse.self, from: answer.body)
        guard let choice = response.choices.first else {
            throw LLMProviderError(.invalidResponse, "the answer has no choices")
        }
        if let refusal = choice.message.refusal, !refusal.isEmpty {
            throw LLMProviderError(.refused, "the model refused")
        }
        guard let text = choice.message.content else {
            throw LLMProviderError(.invalidResponse, "the answer has no content")
        }
        let finish: LLMCompletion.Finish =
            switch choice.finishReason {
            case "length": .truncated
            case "content_filter": .filtered
            default: .complete
            }
        return LLMCompletion(
            text: text,
            model: response.model ?? descriptor.model,
            finish: finish,
            inputTokens: response.usage?.promptTokens,
            outputTokens: response.usage?.completionTokens
        )
    }

    private func responseFormat(for request: LLMRequest) -> ResponseFormat? {
        switch structuredOutput {
        case .jsonSchema:
            guard let schema = request.responseSchema else { return ResponseFormat(type: "json_object", jsonSchema: nil) }
            return ResponseFormat(type: "json_schema", jsonSchema: .init(name: "radiology_report", strict: true, schema: schema))
        case .jsonObject:
            return ResponseFormat(type: "json_object", jsonSchema: nil)
        case .none:
            return nil
        }
    }
}

private struct ChatRequest: Encodable {
    struct Message: Codable {
        var role: String
        var content: String
    }

    var model: String
    var messages: [Message]
    var temperature: Double
    var maxTokens: Int
    var responseFormat: ResponseFormat?
    var stream = false

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature, stream
        case maxTokens = "max_tokens"
        case responseFormat = "response_format"
    }
}

private struct ResponseFormat: Encodable {
    struct Schema: Encodable {
        var name: String
        var strict: Bool
        var schema: JSONValue
    }

    var type: String
    var jsonSchema: Schema?

    enum CodingKeys: String, CodingKey {
        case type
        case jsonSchema = "json_schema"
    }
}

private struct ChatResponse: Decodable {
    struct Choice: Decodable {
        struct Message: Decodable {
            var content: String?
            var refusal: String?
        }

        var message: Message
        var finishReason: String?

        enum CodingKeys: String, CodingKey {
            case message
            case finishReason = "finish_reason"
        }
    }

    struct Usage: Decodable {
        var promptTokens: Int?
        var completionTokens: Int?

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
        }
    }

    var model: String?
    var choices: [Choice]
    var usage: Usage?
}

/// OpenAI's error body: `{"error": {"message", "type", "param", "code"}}`.
private struct ErrorBody: Decodable {
    struct Detail: Decodable {
        var message: String?
        var type: String?
        var code: String?
    }

    var error: Detail
}
