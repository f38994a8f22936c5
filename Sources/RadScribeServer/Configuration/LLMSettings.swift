/// Which LLM providers may improve reports, in fallback order; none means reports stay rule-based.
public struct LLMSettings: Sendable, Hashable {
    /// The providers in the order they are asked (`RADSCRIBE_LLM_PROVIDERS`).
    public var providers: [LLMProviderSettings]
    /// How long the whole LLM step of one report may take, in milliseconds.
    public var deadlineMilliseconds: Int

    /// Creates settings; the defaults are those of the README's configuration table.
    public init(providers: [LLMProviderSettings] = [], deadlineMilliseconds: Int = 4_500) {
        self.providers = providers
        self.deadlineMilliseconds = deadlineMilliseconds
    }
}

/// One LLM provider (`RADSCRIBE_LLM_<NAME>_*`).
public struct LLMProviderSettings: Sendable, Hashable, CustomStringConvertible {
    /// The wire format.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// OpenAI Chat Completions.
        case openAI = "openai"
        /// Anthropic Messages.
        case anthropic
        /// Google Gemini `generateContent`.
        case gemini
        /// Any OpenAI-compatible server (vLLM, llama.cpp, Ollama, LocalAI).
        case openAICompatible = "openai-compatible"
        /// Azure OpenAI (deployment URL, `api-key` header, `api-version` query).
        case azure
    }

    /// The name in `RADSCRIBE_LLM_PROVIDERS` (lower case), used in provenance and metrics.
    public var name: String
    /// The wire format.
    public var kind: Kind
    /// The API's base URL.
    public var baseURL: String
    /// The model (for Azure: informational; the deployment URL picks it).
    public var model: String
    /// The API key, from `…_API_KEY` or the file `…_API_KEY_FILE`; never logged or printed.
    public var apiKey: String?
    /// Azure's `api-version`.
    public var apiVersion: String?
    /// Per-call timeout, in milliseconds.
    public var timeoutMilliseconds: Int
    /// The longest answer, in tokens.
    public var maximumOutputTokens: Int
    /// Sampling temperature.
    public var temperature: Double
    /// Whether the endpoint runs inside the hospital.
    public var isOnPremise: Bool
    /// Whether it receives dictations without pseudonymisation (only allowed when on-premise).
    public var sendsRawText: Bool
    /// For OpenAI-compatible servers: `json_schema`, `json_object` or `none`.
    public var structuredOutput: String
    /// Requests per minute; `nil` for no limit.
    public var requestsPerMinute: Int?
    /// Tokens per minute; `nil` for no limit.
    public var tokensPerMinute: Int?

    /// Creates settings for one provider.
    public init(
        name: String,
        kind: Kind,
        baseURL: String,
        model: String,
        apiKey: String? = nil,
        apiVersion: String? = nil,
        timeoutMilliseconds: Int = 4_000,
        maximumOutputTokens: Int = 2_048,
        temperature: Double = 0.1,
        isOnPremise: Bool = false,
        sendsRawText: Bool = false,
        structuredOutput: String = "json_schema",
        requestsPerMinute: Int? = nil,
        tokensPerMinute: Int? = nil
    ) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.model = model
        self.apiKey = apiKey
        self.apiVersion = apiVersion
        self.timeoutMilliseconds = timeoutMilliseconds
        self.maximumOutputTokens = maximumOutputTokens
        self.temperature = temperature
        self.isOnPremise = isOnPremise
        self.sendsRawText = sendsRawText
        self.structuredOutput = structuredOutput
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }

    /// Everything but the API key.
    public var description: String {
        "\(name) (\(kind.rawValue), \(model) at \(baseURL), key \(apiKey == nil ? "none" : "set"), on-premise \(isOnPremise))"
    }

    /// The defaults of a kind: base URL and model.
    static func defaults(for kind: Kind) -> (baseURL: String?, model: String?) {
        switch kind {
        case .openAI: ("https://api.openai.com/v1", "gpt-4o-mini")
        case .anthropic: ("https://api.anthropic.com", "claude-sonnet-4-20250514")
        case .gemini: ("https://generativelanguage.googleapis.com", "gemini-2.0-flash")
        case .openAICompatible, .azure: (nil, nil)
        }
    }
}
