import Testing

@testable import RadScribeLLM

@Suite("Retry policy")
struct RetryPolicyTests {
    let start = ContinuousClock.now
    let policy = RetryPolicy()  // 3 attempts, 250 ms doubling to 4 s, 1 s needed per attempt
    var farDeadline: ContinuousClock.Instant { start + .seconds(60) }

    func decision(
        _ failure: LLMFailureKind,
        attempt: Int = 1,
        deadline: ContinuousClock.Instant? = nil,
        policy: RetryPolicy? = nil,
        seed: UInt64 = 1
    ) -> RetryDecision {
        var generator = RetryJitterTestGenerator(seed: seed)
        return (policy ?? self.policy).decision(
            after: failure,
            attempt: attempt,
            now: start,
            deadline: deadline ?? farDeadline,
            using: &generator
        )
    }

    // MARK: - What is retried

    @Test func permanentFailuresAreNeverRetried() {
        let permanent: [LLMFailureKind] = [
            .badRequest(status: 400), .authentication(status: 401), .authentication(status: 403), .badRequest(status: 404),
            .badRequest(status: 422), .invalidResponse, .refused, .cancelled, .deadlineExceeded, .quotaExhausted,
            .responseInterrupted, .serverError(status: 501, retryAfter: nil),
        ]
        for failure in permanent {
            #expect(decision(failure) == .giveUp(.notRetryable))
        }
    }

    @Test func transientFailuresAreRetriedUntilTheAttemptsAreUsedUp() {
        let transient: [LLMFailureKind] = [
            .rateLimited(retryAfter: nil), .serverError(status: 529, retryAfter: nil), .timeout, .connectionFailed,
        ]
        for failure in transient {
            #expect(decision(failure, attempt: 1).retryTime != nil)
            #expect(decision(failure, attempt: 2).retryTime != nil)
            #expect(decision(failure, attempt: 3) == .giveUp(.attemptsExhausted))
        }
        #expect(decision(.timeout, policy: RetryPolicy(maxAttempts: 1)) == .giveUp(.attemptsExhausted))
    }

    // MARK: - Back-off

    @Test func backOffCeilingDoublesUpToTheCap() {
        let ceilings = (1...7).map { attempt in
            RetryPolicy(maxAttempts: 10).backoffCeiling(after: attempt)
        }
        #expect(ceilings == [250, 500, 1000, 2000, 4000, 4000, 4000].map { Duration.milliseconds($0) })
    }

    @Test func fullJitterSpreadsDelaysOverTheWholeCeiling() throws {
        let policy = RetryPolicy(maxAttempts: 10)
        for attempt in 1...6 {
            let ceiling = policy.backoffCeiling(after: attempt)
            var delays: [Duration] = []
            for seed in 0..<400 {
                let retryAt = try #require(decision(.timeout, attempt: attempt, policy: policy, seed: UInt64(seed)).retryTime)
                delays.append(retryAt - start)
            }
            #expect(delays.allSatisfy { $0 >= .zero && $0 <= ceiling })
            #expect(try #require(delays.min()) < ceiling / 10)
            #expect(try #require(delays.max()) > ceiling * 9 / 10)
        }
    }

    @Test func theSameSeedGivesTheSameDelay() {
        #expect(decision(.timeout, seed: 42) == decision(.timeout, seed: 42))
        #expect(decision(.timeout, seed: 42) != decision(.timeout, seed: 43))
    }

    // MARK: - Retry-After

    @Test func retryAfterReplacesTheBackOff() {
        #expect(decision(.rateLimited(retryAfter: .seconds(7))) == .retry(at: start + .seconds(7)))
        #expect(decision(.serverError(status: 503, retryAfter: .seconds(12))) == .retry(at: start + .seconds(12)))
    }

    @Test func retryAfterOfZeroOrInThePastMeansRetryNow() {
        #expect(decision(.rateLimited(retryAfter: .zero)) == .retry(at: start))
        #expect(decision(.rateLimited(retryAfter: .seconds(-5))) == .retry(at: start))
    }

    // MARK: - Deadline

    @Test func retryAfterPastTheDeadlineEndsTheRetries() {
        let deadline = start + .seconds(5)
        #expect(decision(.rateLimited(retryAfter: .seconds(3600)), deadline: deadline) == .giveUp(.deadline))
        #expect(decision(.rateLimited(retryAfter: .milliseconds(4500)), deadline: deadline) == .giveUp(.deadline))
        #expect(decision(.rateLimited(retryAfter: .seconds(4)), deadline: deadline) == .retry(at: start + .seconds(4)))
    }

    @Test func noRetryWhenTooLittleTimeIsLeftForAnotherAttempt() {
        let deadline = start + .milliseconds(900)
        for seed in 0..<50 {
            #expect(decision(.timeout, deadline: deadline, seed: UInt64(seed)) == .giveUp(.deadline))
        }
        let patient = RetryPolicy(minimumAttemptTime: .zero)
        #expect(decision(.timeout, deadline: start + .milliseconds(250), policy: patient).retryTime != nil)
    }

    @Test func deadlineAlreadyPassedEndsTheRetries() {
        #expect(decision(.connectionFailed, deadline: start - .seconds(1)) == .giveUp(.deadline))
    }
}

extension RetryDecision {
    fileprivate var retryTime: ContinuousClock.Instant? {
        guard case .retry(let instant) = self else { return nil }
        return instant
    }
}

/// A seeded random source (SplitMix64), so jitter is the same on every run.
private struct RetryJitterTestGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
