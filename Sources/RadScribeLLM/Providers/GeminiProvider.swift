import AsyncHTTPClient

/// Google Gemini's `generateContent` (`POST {baseURL}/v1beta/models/{model}:generateContent`, `x-goog-api-key`).
///
/// The system prompt goes in `systemInstruction`, the dictation in one user turn; `generationConfig` asks for JSON
/// (`responseMimeType: application/json`). A prompt blocked by `promptFeedback.blockReason`, or a candidate stopped
/// for `SAFETY`, `RECITATION`, `BLOCKLIST`, `PROHIBITED_CONTENT` or `SPII`, is a refusal; `MAX_TOKENS` marks the
/// answer truncated.
public struct GeminiProvider: LLMProvider {
    public let descriptor: LLMProviderDescriptor
    private let endpoint: String
    private let apiKey: String
    private let transport: ProviderHTTPTransport

    /// Creates a provider; `baseURL` is `https://generativelanguage.googleapis.com`.
    public init(
        descriptor: LLMProviderDescriptor,
        baseURL: String = "https://generativelanguage.googleapis.com",
        apiKey: String,
        httpClient: HTTPClient = .shared
    ) {
        self.descriptor = descriptor
        endpoint = ProviderHTTPTransport.url(baseURL, "/v1beta/models/\(descriptor.model):generateContent")
        self.apiKey = apiKey
        transport = ProviderHTTPTransport(httpClient: httpClient)
    }

    public func complete(_ request: LLMRequest, timeout: Duration) async throws(LLMProviderError) -> LLMCompletion {
        let body = GenerateContentRequest(
            systemInstruction: .init(role: nil, parts: [.init(text: request.system)]),
            contents: [.init(role: "user", parts: [.init(text: request.user)])],
            generationConfig: .init(
                temperature: request.temperature,
                maxOutputTokens: request.maximumOutputTokens,
                responseMimeType: "application/json"
            )
        )
        let answer = try await transport.post(url: endpoint, headers: [("x-goog-api-key", apiKey)], body: body, timeout: timeout)
        guard (200..<300).contains(answer.status) else {
            let error = try? ProviderHTTPTransport.decode(ErrorBody.self, from: answer.body)
            throw ProviderHTTPTransport.failure(answer, message: error?.error.message)
        }
        let response = try ProviderHTTPTransport.decode(GenerateContentResponse.self, from: answer.body)
        if response.promptFeedback?.blockReason != nil {
            throw LLMProviderError(.refused, "the prompt was blocked")
        }
        guard let candidate = response.candidates?.first else {
            throw LLMProviderError(.invalidResponse, "the answer has no candidates")
        }
        if let reason = candidate.finishReason, Self.refusalReasons.contains(reason) {
            throw LLMProviderError(.refused, "the answer was blocked (\(reason))")
        }
        let text = (candidate.content?.parts ?? []).compactMap(\.text).joined()
        guard !text.isEmpty else { throw LLMProviderError(.invalidResponse, "the answer has no text") }
        return LLMCompletion(
            text: text,
            model: response.modelVersion ?? descriptor.model,
            finish: candidate.finishReason == "MAX_TOKENS" ? .truncated : .complete,
            inputTokens: response.usageMetadata?.promptTokenCount,
            outputTokens: response.usageMetadata?.candidatesTokenCount
        )
    }

    private static let refusalReasons: Set<String> = ["SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"]
}

private struct Content: Codable {
    struct Part: Codable {
        var text: String?
    }

    var role: String?
    var parts: [Part]
}

private struct GenerateContentRequest: Encodable {
    struct GenerationConfig: Encodable {
        var temperature: Double
        var maxOutputTokens: Int
        var responseMimeType: String
    }

    var systemInstruction: Content
    var contents: [Content]
    var generationConfig: GenerationConfig
}

private struct GenerateContentResponse: Decodable {
    struct Candidate: Decodable {
        var content: Content?
        var finishReason: String?
    }

    struct PromptFeedback: Decodable {
        var blockReason: String?
    }

    struct UsageMetadata: Decodable {
        var promptTokenCount: Int?
        var candidatesTokenCount: Int?
    }

    var candidates: [Candidate]?
    var promptFeedback: PromptFeedback?
    var usageMetadata: UsageMetadata?
    var modelVersion: String?
}

/// Google's error body: `{"error": {"code", "message", "status"}}`.
private struct ErrorBody: Decodable {
    struct Detail: Decodable {
        var message: String?
        var status: String?
    }

    var error: Detail
}
