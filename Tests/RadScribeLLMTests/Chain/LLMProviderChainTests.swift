import Foundation
import RadScribeLLM
import Testing

/// The fallback chain against the loopback fake of all three providers.
@Suite("LLM provider chain")
struct LLMProviderChainTests {
    private static let request = LLMRequest(system: "Strukturiere den Befund.", user: "Kein Pneumothorax.", maximumOutputTokens: 256)

    private static func chain(
        on server: FakeProviderServer,
        breaker: CircuitBreaker.Configuration = CircuitBreaker.Configuration(),
        limits: ProviderRateLimiter.Limits = .unlimited,
        retry: RetryPolicy = RetryPolicy(initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(20), minimumAttemptTime: .milliseconds(100))
    ) -> LLMProviderChain {
        LLMProviderChain(
            members: [FakeProviderServer.API.openAI, .anthropic, .gemini].map { api in
                LLMProviderChain.Member(
                    provider: ProviderWireFormatTests.provider(api, on: server),
                    timeout: .seconds(2),
                    breaker: breaker,
                    limits: limits,
                    retry: retry
                )
            }
        )
    }

    private static func ask(_ chain: LLMProviderChain, within budget: Duration = .seconds(5)) async -> LLMProviderChain.Outcome {
        await chain.complete(deadline: .now + budget) { _ in request }
    }

    @Test func theFirstProviderThatAnswersWins() async throws {
        try await FakeProviderServer.withServer { server in
            let outcome = await Self.ask(Self.chain(on: server))
            #expect(outcome.provider?.name == "openai")
            #expect(outcome.attempts == [.answered(provider: "openai")])
            #expect(server.requests.map(\.api) == [.openAI])
        }
    }

    @Test func failuresFallBackInTheConfiguredOrderAfterRetries() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(.openAI, [.error(status: 500), .error(status: 503), .error(status: 502)])
            server.script(.anthropic, [.error(status: 401)])
            let outcome = await Self.ask(Self.chain(on: server))
            #expect(outcome.provider?.name == "gemini")
            #expect(
                outcome.attempts == [
                    .failed(provider: "openai", .serverError(status: 502, retryAfter: nil)),
                    .failed(provider: "anthropic", .authentication(status: 401)),
                    .answered(provider: "gemini"),
                ]
            )
            #expect(server.requests.map(\.api) == [.openAI, .openAI, .openAI, .anthropic, .gemini], "5xx retried, 401 not")
        }
    }

    @Test func retryAfterIsHonouredAndTheRetrySucceeds() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(.openAI, [.error(status: 429, retryAfter: "0")])
            let outcome = await Self.ask(Self.chain(on: server))
            #expect(outcome.provider?.name == "openai")
            #expect(server.requests.map(\.api) == [.openAI, .openAI])
        }
    }

    @Test func anOpenBreakerSkipsTheProviderUntilItsHalfOpenProbeSucceeds() async throws {
        try await FakeProviderServer.withServer { server in
            // The cool-down is long enough that a loaded machine still asks again while the breaker is open.
            let breaker = CircuitBreaker.Configuration(consecutiveFailures: 2, failureRate: nil, coolDown: .seconds(3))
            let chain = Self.chain(on: server, breaker: breaker, retry: RetryPolicy(maxAttempts: 1))
            server.script(.openAI, [.error(status: 500), .error(status: 500)])
            _ = await Self.ask(chain)
            _ = await Self.ask(chain)
            #expect(await chain.breakerStates.first == .open)
            let whileOpen = await Self.ask(chain)
            #expect(whileOpen.attempts.first == .skippedBreakerOpen(provider: "openai"))
            #expect(whileOpen.provider?.name == "anthropic")
            #expect(server.requests.filter { $0.api == .openAI }.count == 2, "no call while open")
            try await Task.sleep(for: .milliseconds(3_100))
            let probe = await Self.ask(chain)
            #expect(probe.provider?.name == "openai", "the half-open probe goes through and succeeds")
            #expect(await chain.breakerStates.first == .closed)
        }
    }

    @Test func aRateLimitThatCannotBeWaitedForSkipsTheProvider() async throws {
        try await FakeProviderServer.withServer { server in
            let chain = Self.chain(on: server, limits: .init(requestsPerMinute: 1, tokensPerMinute: nil))
            #expect(await Self.ask(chain).provider?.name == "openai")
            let second = await Self.ask(chain)
            #expect(second.attempts.first == .skippedRateLimited(provider: "openai"))
            #expect(second.provider?.name == "anthropic")
        }
    }

    @Test func theDeadlineBoundsTheWholeChain() async throws {
        try await FakeProviderServer.withServer { server in
            for api in FakeProviderServer.API.allCases {
                server.script(api, [.delayed(.seconds(5), .answer("{}"))])
            }
            let started = ContinuousClock.now
            let outcome = await Self.ask(Self.chain(on: server), within: .milliseconds(800))
            #expect(outcome.completion == nil)
            #expect(outcome.attempts.first == .failed(provider: "openai", .timeout))
            #expect(ContinuousClock.now - started < .seconds(3), "the chain gave up near its deadline, not after the provider")
        }
    }

    @Test func aCancelledCallerStopsTheChain() async throws {
        try await FakeProviderServer.withServer { server in
            server.script(.openAI, [.delayed(.seconds(5), .answer("{}"))])
            let chain = Self.chain(on: server)
            let call = Task { await Self.ask(chain) }
            try await Task.sleep(for: .milliseconds(300))
            call.cancel()
            let outcome = await call.value
            #expect(outcome.completion == nil)
            #expect(outcome.attempts == [.failed(provider: "openai", .cancelled)])
            #expect(!server.requests.contains { $0.api == .anthropic }, "no fallback for a caller that left")
        }
    }

    @Test func aProviderTheCallerLeavesOutIsNotAsked() async throws {
        try await FakeProviderServer.withServer { server in
            let outcome = await Self.chain(on: server).complete(deadline: .now + .seconds(5)) { descriptor in
                descriptor.name == "openai" ? nil : Self.request
            }
            #expect(outcome.provider?.name == "anthropic")
            #expect(server.requests.map(\.api) == [.anthropic])
        }
    }
}
