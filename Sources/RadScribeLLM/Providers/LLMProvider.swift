import Foundation

/// A large language model behind an HTTP API that turns a prompt into text.
///
/// Providers only speak their wire format: retries, circuit breaking, rate limiting, pseudonymisation and the checks
/// of the answer belong to the caller (``LLMProviderChain`` and ``LLMReportWriter``).
public protocol LLMProvider: Sendable {
    /// Who this provider is (for provenance, metrics and the PHI policy).
    var descriptor: LLMProviderDescriptor { get }

    /// Sends one request and returns the model's answer.
    ///
    /// - Throws: ``LLMProviderError`` for every failure: transport, HTTP status, refusal or an answer that is not the
    ///   provider's documented format. Its message never contains prompt or answer text.
    func complete(_ request: LLMRequest, timeout: Duration) async throws(LLMProviderError) -> LLMCompletion
}

/// The identity and data-protection class of a configured provider.
public struct LLMProviderDescriptor: Sendable, Hashable {
    /// The provider's configured name (`openai`, `anthropic`, `gemini`, `local` …), used in provenance and metrics.
    public var name: String
    /// The model asked for.
    public var model: String
    /// Whether the endpoint runs inside the hospital: only such a provider may, if configured so, receive dictations
    /// that are not pseudonymised.
    public var isOnPremise: Bool

    /// Creates a descriptor.
    public init(name: String, model: String, isOnPremise: Bool) {
        self.name = name
        self.model = model
        self.isOnPremise = isOnPremise
    }
}

/// One prompt for a chat model.
public struct LLMRequest: Sendable, Hashable {
    /// The system prompt: the task, rules and output format.
    public var system: String
    /// The user message: the (pseudonymised) dictation and the rule-based extraction.
    public var user: String
    /// The JSON schema the answer must follow, for providers that enforce one; the prompt describes it as well.
    public var responseSchema: JSONValue?
    /// The longest answer, in tokens.
    public var maximumOutputTokens: Int
    /// Sampling temperature (the seed used 0.1).
    public var temperature: Double

    /// Creates a request.
    public init(system: String, user: String, responseSchema: JSONValue? = nil, maximumOutputTokens: Int = 2_048, temperature: Double = 0.1) {
        self.system = system
        self.user = user
        self.responseSchema = responseSchema
        self.maximumOutputTokens = maximumOutputTokens
        self.temperature = temperature
    }
}

/// A model's answer.
public struct LLMCompletion: Sendable, Hashable {
    /// Why the model stopped.
    public enum Finish: String, Sendable, Hashable {
        /// It finished its answer.
        case complete
        /// It hit the output token limit: the answer is cut off.
        case truncated
        /// A content filter cut or replaced the answer.
        case filtered
    }

    /// The answer text.
    public var text: String
    /// The model that answered, as the provider names it.
    public var model: String
    /// Why the model stopped.
    public var finish: Finish
    /// Prompt tokens the provider counted, when it reports them.
    public var inputTokens: Int?
    /// Answer tokens the provider counted, when it reports them.
    public var outputTokens: Int?

    /// Creates a completion.
    public init(text: String, model: String, finish: Finish, inputTokens: Int? = nil, outputTokens: Int? = nil) {
        self.text = text
        self.model = model
        self.finish = finish
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// Why a provider call failed.
public struct LLMProviderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, which decides retries and whether the circuit breaker counts it.
    public var kind: LLMFailureKind
    /// What went wrong, for logs: never prompt or answer text, never the API key.
    public var message: String

    /// Creates an error.
    public init(_ kind: LLMFailureKind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(kind.metricLabel): \(message)" }
}
