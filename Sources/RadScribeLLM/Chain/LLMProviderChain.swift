import Logging
import Metrics

/// Asks the configured providers in order (the seed's openai → anthropic → gemini) until one answers, within a deadline.
///
/// Each provider has its own ``CircuitBreaker`` (an open breaker skips it at once), ``ProviderRateLimiter`` (a call
/// that would have to wait past the deadline skips it) and ``RetryPolicy`` (only transient failures are retried, with
/// jittered back-off or the provider's `Retry-After`). A cancelled caller stops the chain. Metrics per provider:
/// `radscribe_llm_request_duration_seconds`, `radscribe_llm_errors_total{kind}`, `radscribe_llm_breaker_state`
/// (0 closed, 1 half-open, 2 open) and `radscribe_llm_tokens_total{direction}`.
public actor LLMProviderChain {
    /// One provider with its protection settings.
    public struct Member: Sendable {
        /// The provider.
        public var provider: any LLMProvider
        /// The longest a single call may take (the deadline may cut it shorter).
        public var timeout: Duration
        /// When the breaker opens and how it recovers.
        public var breaker: CircuitBreaker.Configuration
        /// Requests and tokens per minute.
        public var limits: ProviderRateLimiter.Limits
        /// Which failures are retried, how often.
        public var retry: RetryPolicy

        /// Creates a member.
        public init(
            provider: any LLMProvider,
            timeout: Duration = .seconds(4),
            breaker: CircuitBreaker.Configuration = CircuitBreaker.Configuration(),
            limits: ProviderRateLimiter.Limits = .unlimited,
            retry: RetryPolicy = RetryPolicy()
        ) {
            self.provider = provider
            self.timeout = timeout
            self.breaker = breaker
            self.limits = limits
            self.retry = retry
        }
    }

    /// What happened with one provider during a call of the chain.
    public enum Attempt: Sendable, Hashable {
        /// The provider answered.
        case answered(provider: String)
        /// The provider failed (after its retries).
        case failed(provider: String, LLMFailureKind)
        /// The provider was not asked: its breaker is open.
        case skippedBreakerOpen(provider: String)
        /// The provider was not asked: its rate limit would have to be waited for past the deadline.
        case skippedRateLimited(provider: String)
    }

    /// The answer of the first provider that gave one, and what happened on the way.
    public struct Outcome: Sendable {
        /// The answer, when a provider gave one.
        public var completion: LLMCompletion?
        /// The provider that answered.
        public var provider: LLMProviderDescriptor?
        /// Every provider's fate, in order.
        public var attempts: [Attempt]
    }

    private struct State {
        var member: Member
        var breaker: CircuitBreaker
        var limiter: ProviderRateLimiter
    }

    private var states: [State]
    private let logger: Logger
    private var random = SystemRandomNumberGenerator()

    /// Creates a chain; providers are asked in the order given.
    public init(members: [Member], logger: Logger = Logger(label: "radscribe.llm")) {
        states = members.map {
            State(member: $0, breaker: CircuitBreaker(configuration: $0.breaker), limiter: ProviderRateLimiter(limits: $0.limits))
        }
        self.logger = logger
    }

    /// The providers, in order.
    public var descriptors: [LLMProviderDescriptor] { states.map(\.member.provider.descriptor) }

    /// The breaker state of each provider, in order.
    public var breakerStates: [BreakerState] { states.map(\.breaker.state) }

    /// Asks the providers in order until one answers or the deadline passes.
    ///
    /// - Parameters:
    ///   - deadline: When the whole chain must be done.
    ///   - request: The request for a provider (the caller decides per provider whether it gets pseudonymised text);
    ///     `nil` skips that provider.
    public func complete(
        deadline: ContinuousClock.Instant,
        request: @Sendable (LLMProviderDescriptor) -> LLMRequest?
    ) async -> Outcome {
        var attempts: [Attempt] = []
        for index in states.indices {
            guard !Task.isCancelled, ContinuousClock.now < deadline else { break }
            let descriptor = states[index].member.provider.descriptor
            guard let request = request(descriptor) else { continue }
            switch await ask(index, request, deadline: deadline) {
            case .success(let completion):
                attempts.append(.answered(provider: descriptor.name))
                return Outcome(completion: completion, provider: descriptor, attempts: attempts)
            case .failure(let failure):
                attempts.append(failure.attempt)
            }
            if case .failed(_, .cancelled)? = attempts.last { break }
        }
        return Outcome(completion: nil, provider: nil, attempts: attempts)
    }

    /// One provider, with its breaker, limiter and retries.
    private func ask(_ index: Int, _ request: LLMRequest, deadline: ContinuousClock.Instant) async -> Result<LLMCompletion, AttemptFailure> {
        let member = states[index].member
        let name = member.provider.descriptor.name
        let estimatedTokens =
            PromptTokenEstimator.estimatedTokens(in: request.system) + PromptTokenEstimator.estimatedTokens(in: request.user)
            + request.maximumOutputTokens
        var attempt = 1
        while true {
            let now = ContinuousClock.now
            guard case .allowed(let ticket) = states[index].breaker.permission(at: now) else {
                reportBreaker(index)
                return .failure(AttemptFailure(.skippedBreakerOpen(provider: name)))
            }
            let reservation: RateReservation
            switch states[index].limiter.reserve(tokens: estimatedTokens, at: now) {
            case .granted(let granted):
                reservation = granted
            case .wait(let until) where until + .milliseconds(500) < deadline:
                states[index].breaker.release(ticket)
                try? await Task.sleep(until: until, clock: .continuous)
                continue
            case .wait, .exceedsCapacity:
                states[index].breaker.release(ticket)
                return .failure(AttemptFailure(.skippedRateLimited(provider: name)))
            }
            let started = ContinuousClock.now
            let timeout = min(member.timeout, deadline - started)
            let result: Result<LLMCompletion, LLMProviderError>
            do throws(LLMProviderError) {
                result = .success(try await member.provider.complete(request, timeout: timeout))
            } catch {
                result = .failure(error)
            }
            let finished = ContinuousClock.now
            Timer(label: "radscribe_llm_request_duration_seconds", dimensions: [("provider", name)]).recordSeconds((finished - started) / .seconds(1))
            switch result {
            case .success(let completion):
                states[index].breaker.recordSuccess(ticket)
                let used = (completion.inputTokens ?? 0) + (completion.outputTokens ?? 0)
                states[index].limiter.settle(reservation, actualTokens: used > 0 ? used : estimatedTokens, at: finished)
                countTokens(completion, provider: name)
                reportBreaker(index)
                return .success(completion)
            case .failure(let error):
                Counter(label: "radscribe_llm_errors_total", dimensions: [("provider", name), ("kind", error.kind.metricLabel)]).increment()
                logger.warning(
                    "LLM provider call failed",
                    metadata: ["llm.provider": "\(name)", "llm.error": "\(error)", "llm.attempt": "\(attempt)"]
                )
                states[index].limiter.settle(reservation, actualTokens: 0, at: finished)
                if error.kind.countsAgainstProvider {
                    states[index].breaker.recordFailure(ticket, at: finished)
                } else {
                    states[index].breaker.release(ticket)
                }
                if let retryAfter = error.kind.retryAfter {
                    states[index].limiter.suspend(until: finished + retryAfter)
                }
                reportBreaker(index)
                guard !Task.isCancelled, error.kind != .cancelled,
                    case .retry(let at) = states[index].member.retry.decision(
                        after: error.kind,
                        attempt: attempt,
                        now: finished,
                        deadline: deadline,
                        using: &random
                    )
                else {
                    return .failure(AttemptFailure(.failed(provider: name, Task.isCancelled ? .cancelled : error.kind)))
                }
                try? await Task.sleep(until: at, clock: .continuous)
                attempt += 1
            }
        }
    }

    private func reportBreaker(_ index: Int) {
        let value: Double =
            switch states[index].breaker.state {
            case .closed: 0
            case .halfOpen: 1
            case .open: 2
            }
        Gauge(label: "radscribe_llm_breaker_state", dimensions: [("provider", states[index].member.provider.descriptor.name)]).record(value)
    }

    private func countTokens(_ completion: LLMCompletion, provider: String) {
        if let input = completion.inputTokens {
            Counter(label: "radscribe_llm_tokens_total", dimensions: [("provider", provider), ("direction", "input")]).increment(by: input)
        }
        if let output = completion.outputTokens {
            Counter(label: "radscribe_llm_tokens_total", dimensions: [("provider", provider), ("direction", "output")]).increment(by: output)
        }
    }
}

/// Why a provider gave no answer (wraps the attempt record for `Result`).
private struct AttemptFailure: Error {
    var attempt: LLMProviderChain.Attempt
    init(_ attempt: LLMProviderChain.Attempt) { self.attempt = attempt }
}
