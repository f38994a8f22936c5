import Logging
import RadScribeLLM

/// Builds the LLM report writer from the configured providers.
enum LLMReportWriterFactory {
    /// The writer, or `nil` when no provider is configured (reports stay rule-based).
    static func make(_ settings: LLMSettings, logger: Logger) throws -> LLMReportWriter? {
        guard !settings.providers.isEmpty else { return nil }
        let members = settings.providers.map { provider in
            LLMProviderChain.Member(
                provider: makeProvider(provider),
                timeout: .milliseconds(provider.timeoutMilliseconds),
                limits: .init(requestsPerMinute: provider.requestsPerMinute, tokensPerMinute: provider.tokensPerMinute)
            )
        }
        logger.info("LLM providers configured", metadata: ["llm.providers": "\(settings.providers.map(\.description))"])
        return LLMReportWriter(
            chain: LLMProviderChain(members: members, logger: logger),
            prompt: try ReportPrompt.bundled(),
            configuration: .init(
                deadline: .milliseconds(settings.deadlineMilliseconds),
                rawTextProviders: Set(settings.providers.filter(\.sendsRawText).map(\.name))
            ),
            logger: logger
        )
    }

    private static func makeProvider(_ settings: LLMProviderSettings) -> any LLMProvider {
        let descriptor = LLMProviderDescriptor(name: settings.name, model: settings.model, isOnPremise: settings.isOnPremise)
        let structuredOutput = OpenAIChatProvider.StructuredOutput(rawValue: settings.structuredOutput) ?? .jsonSchema
        switch settings.kind {
        case .openAI, .openAICompatible, .azure:
            let azure = settings.kind == .azure
            return OpenAIChatProvider(
                descriptor: descriptor,
                baseURL: settings.baseURL,
                query: azure ? settings.apiVersion.map { "api-version=\($0)" } : nil,
                authentication: settings.apiKey.map { azure ? .apiKeyHeader($0) : .bearer($0) } ?? .none,
                structuredOutput: structuredOutput
            )
        case .anthropic:
            return AnthropicMessagesProvider(descriptor: descriptor, baseURL: settings.baseURL, apiKey: settings.apiKey ?? "")
        case .gemini:
            return GeminiProvider(descriptor: descriptor, baseURL: settings.baseURL, apiKey: settings.apiKey ?? "")
        }
    }
}
