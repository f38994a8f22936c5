import Foundation
import RadScribeLLM
import Testing

/// Each provider client against the fake server speaking that provider's exact wire format.
@Suite("LLM providers, wire formats")
struct ProviderWireFormatTests {
    static let request = LLMRequest(
        system: "Du bist ein radiologischer Assistent.",
        user: "Befund: Kein Pneumothorax.",
        responseSchema: .object(["type": .string("object")]),
        maximumOutputTokens: 512,
        temperature: 0.1
    )

    static func provider(_ api: FakeProviderServer.API, on server: FakeProviderServer) -> any LLMProvider {
        switch api {
        case .openAI:
            OpenAIChatProvider(
                descriptor: LLMProviderDescriptor(name: "openai", model: "gpt-4o", isOnPremise: false),
                baseURL: server.baseURL(.openAI),
                authentication: .bearer("sk-test-key")
            )
        case .anthropic:
            AnthropicMessagesProvider(
                descriptor: LLMProviderDescriptor(name: "anthropic", model: "claude-sonnet-4-20250514", isOnPremise: false),
                baseURL: server.baseURL(.anthropic),
                apiKey: "sk-ant-test"
            )
        case .gemini:
            GeminiProvider(
                descriptor: LLMProviderDescriptor(name: "gemini", model: "gemini-2.0-flash", isOnPremise: false),
                baseURL: server.baseURL(.gemini),
                apiKey: "AIza-test"
            )
        }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func answersCarryTextUsageAndModel(api: FakeProviderServer.API) async throws {
        try await FakeProviderServer.withServer { server in
            server.script(api, [.answer(#"{"findings": "Kein Pneumothorax."}"#)])
            let completion = try await Self.provider(api, on: server).complete(Self.request, timeout: .seconds(5))
            #expect(completion.text == #"{"findings": "Kein Pneumothorax."}"#)
            #expect(completion.finish == .complete)
            #expect(completion.inputTokens == 812 && completion.outputTokens == 245)
            #expect(!completion.model.isEmpty)
        }
    }

    @Test func openAIRequestIsAChatCompletionWithAStrictJSONSchema() async throws {
        try await FakeProviderServer.withServer { server in
            _ = try await Self.provider(.openAI, on: server).complete(Self.request, timeout: .seconds(5))
            let received = try #require(server.requests.first)
            #expect(received.path == "/v1/chat/completions")
            #expect(received.headers["authorization"] == "Bearer sk-test-key")
            let body = try #require(received.json)
            #expect(body["model"] == .string("gpt-4o"))
            #expect(body["max_tokens"] == .number(512))
            #expect(body["stream"] == .bool(false))
            #expect(
                body["messages"]
                    == .array([
                        .object(["role": .string("system"), "content": .string("Du bist ein radiologischer Assistent.")]),
                        .object(["role": .string("user"), "content": .string("Befund: Kein Pneumothorax.")]),
                    ])
            )
            #expect(body["response_format"]?["type"] == .string("json_schema"))
            #expect(body["response_format"]?["json_schema"]?["strict"] == .bool(true))
        }
    }

    @Test func azureSendsItsKeyAsApiKeyAndTheVersionAsQuery() async throws {
        try await FakeProviderServer.withServer { server in
            let azure = OpenAIChatProvider(
                descriptor: LLMProviderDescriptor(name: "azure", model: "gpt-4o", isOnPremise: false),
                baseURL: server.baseURL(.openAI),
                query: "api-version=2024-10-21",
                authentication: .apiKeyHeader("azure-key")
            )
            _ = try await azure.complete(Self.request, timeout: .seconds(5))
            let received = try #require(server.requests.first)
            #expect(received.path == "/v1/chat/completions")
            #expect(received.query == "api-version=2024-10-21")
            #expect(received.headers["api-key"] == "azure-key")
            #expect(received.headers["authorization"] == nil)
        }
    }

    @Test func anthropicRequestHasTheVersionHeaderAndASystemField() async throws {
        try await FakeProviderServer.withServer { server in
            _ = try await Self.provider(.anthropic, on: server).complete(Self.request, timeout: .seconds(5))
            let received = try #require(server.requests.first)
            #expect(received.path == "/v1/messages")
            #expect(received.headers["x-api-key"] == "sk-ant-test")
            #expect(received.headers["anthropic-version"] == "2023-06-01")
            let body = try #require(received.json)
            #expect(body["system"] == .string("Du bist ein radiologischer Assistent."))
            #expect(body["max_tokens"] == .number(512))
            #expect(body["messages"] == .array([.object(["role": .string("user"), "content": .string("Befund: Kein Pneumothorax.")])]))
        }
    }

    @Test func geminiRequestNamesTheModelInThePathAndAsksForJSON() async throws {
        try await FakeProviderServer.withServer { server in
            _ = try await Self.provider(.gemini, on: server).complete(Self.request, timeout: .seconds(5))
            let received = try #require(server.requests.first)
            #expect(received.path == "/v1beta/models/gemini-2.0-flash:generateContent")
            #expect(received.headers["x-goog-api-key"] == "AIza-test")
            let body = try #require(received.json)
            #expect(body["systemInstruction"]?["parts"] == .array([.object(["text": .string("Du bist ein radiologischer Assistent.")])]))
            #expect(body["generationConfig"]?["responseMimeType"] == .string("application/json"))
            #expect(body["generationConfig"]?["maxOutputTokens"] == .number(512))
        }
    }

    @Test(arguments: [
        (FakeProviderServer.API.openAI, "length"), (.anthropic, "max_tokens"), (.gemini, "MAX_TOKENS"),
    ])
    func aCutOffAnswerIsMarkedTruncated(api: FakeProviderServer.API, finish: String) async throws {
        try await FakeProviderServer.withServer { server in
            server.script(api, [.answer(#"{"findings": "Kein Pneumo"#, finish: finish)])
            let completion = try await Self.provider(api, on: server).complete(Self.request, timeout: .seconds(5))
            #expect(completion.finish == .truncated)
        }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func aRefusalIsRefused(api: FakeProviderServer.API) async throws {
        try await expectFailure(api, [.refusal]) { $0 == .refused }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func rateLimitingKeepsTheRetryAfter(api: FakeProviderServer.API) async throws {
        try await expectFailure(api, [.error(status: 429, retryAfter: "7")]) { $0 == .rateLimited(retryAfter: .seconds(7)) }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func serverErrorsAreServerErrors(api: FakeProviderServer.API) async throws {
        try await expectFailure(api, [.error(status: 500)]) { $0 == .serverError(status: 500, retryAfter: nil) }
    }

    @Test func anthropicOverloadIsARetryableServerError() async throws {
        try await expectFailure(.anthropic, [.error(status: 529)]) { $0 == .serverError(status: 529, retryAfter: nil) && $0.isTransient }
    }

    @Test func openAIInsufficientQuotaIsNotRetried() async throws {
        try await expectFailure(.openAI, [.error(status: 429, code: "insufficient_quota")]) { $0 == .quotaExhausted && !$0.isTransient }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func authenticationFailuresAreNamed(api: FakeProviderServer.API) async throws {
        try await expectFailure(api, [.error(status: 401)]) { $0 == .authentication(status: 401) }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func aBodyThatIsNotJSONIsAnInvalidResponse(api: FakeProviderServer.API) async throws {
        try await expectFailure(api, [.malformed]) { $0 == .invalidResponse }
    }

    @Test(arguments: FakeProviderServer.API.allCases)
    func aSlowAnswerTimesOut(api: FakeProviderServer.API) async throws {
        try await expectFailure(api, [.delayed(.seconds(3), .answer("{}"))], timeout: .milliseconds(300)) { $0 == .timeout }
    }

    @Test func anUnreachableProviderFailsToConnect() async throws {
        let port = try await FakeProviderServer.withServer { $0.port }
        let provider = OpenAIChatProvider(
            descriptor: LLMProviderDescriptor(name: "local", model: "llama", isOnPremise: true),
            baseURL: "http://127.0.0.1:\(port)/v1",
            authentication: .none
        )
        await #expect {
            _ = try await provider.complete(Self.request, timeout: .seconds(2))
        } throws: { error in
            (error as? LLMProviderError)?.kind == .connectionFailed
        }
    }

    @Test func errorsNeverRepeatTheKeyOrThePrompt() async throws {
        try await FakeProviderServer.withServer { server in
            for api in FakeProviderServer.API.allCases {
                server.script(api, [.error(status: 400)])
                do {
                    _ = try await Self.provider(api, on: server).complete(Self.request, timeout: .seconds(5))
                    Issue.record("\(api) did not fail")
                } catch let error as LLMProviderError {
                    for secret in ["sk-test-key", "sk-ant-test", "AIza-test", "Pneumothorax"] {
                        #expect(!error.description.contains(secret))
                    }
                } catch {
                    Issue.record("not an LLMProviderError: \(error)")
                }
            }
        }
    }

    private func expectFailure(
        _ api: FakeProviderServer.API,
        _ replies: [FakeProviderServer.Reply],
        timeout: Duration = .seconds(5),
        _ matches: @escaping @Sendable (LLMFailureKind) -> Bool
    ) async throws {
        try await FakeProviderServer.withServer { server in
            server.script(api, replies)
            do {
                let completion = try await Self.provider(api, on: server).complete(Self.request, timeout: timeout)
                Issue.record("expected a failure, got \(completion.finish)")
            } catch let error as LLMProviderError {
                #expect(matches(error.kind), "\(api): \(error)")
            } catch {
                Issue.record("not an LLMProviderError: \(error)")
            }
        }
    }
}
