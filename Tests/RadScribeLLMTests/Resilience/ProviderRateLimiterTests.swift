import RadScribeLLM
import Testing

@Suite("Provider rate limiter")
struct ProviderRateLimiterTests {
    let start = ContinuousClock.now

    func at(_ seconds: Double) -> ContinuousClock.Instant { start + .seconds(seconds) }

    func makeLimiter(requests: Int?, tokens: Int?) -> ProviderRateLimiter {
        ProviderRateLimiter(limits: .init(requestsPerMinute: requests, tokensPerMinute: tokens))
    }

    // MARK: - Requests per minute

    @Test func grantsAMinutesRequestsAsABurstThenWaitsForTheRefill() throws {
        var limiter = makeLimiter(requests: 6, tokens: nil)
        for _ in 0..<6 {
            _ = try #require(limiter.reserve(tokens: 500, at: start).reservation)
        }
        #expect(limiter.reserve(tokens: 500, at: start) == .wait(until: at(10)))
        #expect(limiter.reserve(tokens: 500, at: at(10)).reservation != nil)
    }

    @Test func refillsContinuouslyRatherThanOncePerMinute() throws {
        var limiter = makeLimiter(requests: 60, tokens: nil)
        for _ in 0..<60 {
            _ = try #require(limiter.reserve(tokens: 0, at: start).reservation)
        }
        #expect(limiter.reserve(tokens: 0, at: at(2.5)).reservation != nil)
        #expect(limiter.reserve(tokens: 0, at: at(2.5)).reservation != nil)
        #expect(limiter.reserve(tokens: 0, at: at(2.5)) == .wait(until: at(3)))
    }

    @Test func aWaitDecisionReservesNothing() throws {
        var limiter = makeLimiter(requests: 2, tokens: 6000)
        _ = try #require(limiter.reserve(tokens: 6000, at: start).reservation)
        for _ in 0..<3 {
            #expect(limiter.reserve(tokens: 1000, at: start) == .wait(until: at(10)))
        }
        #expect(limiter.reserve(tokens: 1000, at: at(10)).reservation != nil)
    }

    // MARK: - Tokens per minute

    @Test func waitsUntilEnoughTokensHaveRefilled() throws {
        var limiter = makeLimiter(requests: nil, tokens: 6000)  // 100 tokens a second
        _ = try #require(limiter.reserve(tokens: 5000, at: start).reservation)
        #expect(limiter.reserve(tokens: 2000, at: start) == .wait(until: at(10)))
        #expect(limiter.reserve(tokens: 2000, at: at(10)).reservation != nil)
    }

    @Test func waitsForTheLaterOfTheTwoBuckets() throws {
        var requestBound = makeLimiter(requests: 2, tokens: 600)
        _ = try #require(requestBound.reserve(tokens: 100, at: start).reservation)
        _ = try #require(requestBound.reserve(tokens: 100, at: start).reservation)
        #expect(requestBound.reserve(tokens: 500, at: start) == .wait(until: at(30)))

        var tokenBound = makeLimiter(requests: 60, tokens: 600)
        _ = try #require(tokenBound.reserve(tokens: 500, at: start).reservation)
        #expect(tokenBound.reserve(tokens: 200, at: start) == .wait(until: at(10)))
    }

    @Test func aCallLargerThanAMinutesTokensExceedsTheCapacity() {
        var limiter = makeLimiter(requests: 10, tokens: 1000)
        #expect(limiter.reserve(tokens: 1001, at: start) == .exceedsCapacity)
        #expect(limiter.reserve(tokens: 1000, at: start).reservation?.tokens == 1000)
    }

    // MARK: - Settling

    @Test func settlingAnOverestimateGivesTheDifferenceBack() throws {
        var limiter = makeLimiter(requests: nil, tokens: 6000)
        let reservation = try #require(limiter.reserve(tokens: 6000, at: start).reservation)
        limiter.settle(reservation, actualTokens: 1200, at: start)
        _ = try #require(limiter.reserve(tokens: 4800, at: start).reservation)
        #expect(limiter.reserve(tokens: 1, at: start) == .wait(until: start + .milliseconds(10)))
    }

    @Test func settlingAnUnderestimateDelaysLaterCalls() throws {
        var limiter = makeLimiter(requests: nil, tokens: 6000)
        let reservation = try #require(limiter.reserve(tokens: 1000, at: start).reservation)
        limiter.settle(reservation, actualTokens: 7000, at: start)  // a minute's allowance plus 1000 in debt
        #expect(limiter.reserve(tokens: 600, at: start) == .wait(until: at(16)))
    }

    @Test func settlingNeverFillsTheBucketBeyondItsCapacity() throws {
        var limiter = makeLimiter(requests: nil, tokens: 6000)
        let reservation = try #require(limiter.reserve(tokens: 3000, at: start).reservation)
        limiter.settle(reservation, actualTokens: 0, at: at(20))  // 2000 refilled by now, so only 1000 to give back
        _ = try #require(limiter.reserve(tokens: 6000, at: at(20)).reservation)
        #expect(limiter.reserve(tokens: 100, at: at(20)) == .wait(until: at(21)))
    }

    @Test func reservesTheEstimatedPromptPlusTheMaximumOutput() throws {
        let prompt = "Befund: Größenprogrediente Läsion im rechten Leberlappen, 23 mm. Kein Aszites."
        let estimate = PromptTokenEstimator.estimatedTokens(in: prompt) + 1024
        var limiter = makeLimiter(requests: 60, tokens: 90_000)
        let reservation = try #require(limiter.reserve(tokens: estimate, at: start).reservation)
        #expect(reservation.tokens == estimate)
        limiter.settle(reservation, actualTokens: 310, at: start)
        _ = try #require(limiter.reserve(tokens: 89_000, at: start).reservation)
    }

    // MARK: - Unlimited and suspended

    @Test func absentOrZeroLimitsAreUnlimited() {
        #expect(ProviderRateLimiter.Limits(requestsPerMinute: 0, tokensPerMinute: -5) == .unlimited)
        var limiter = makeLimiter(requests: nil, tokens: 0)
        for _ in 0..<1000 {
            #expect(limiter.reserve(tokens: 1_000_000, at: start).reservation != nil)
        }
    }

    @Test func suspensionHoldsEveryReservationUntilTheProvidersRetryAfter() throws {
        var limiter = makeLimiter(requests: nil, tokens: nil)
        limiter.suspend(until: at(20))
        limiter.suspend(until: at(5))  // an earlier time does not shorten the suspension
        #expect(limiter.reserve(tokens: 10, at: at(1)) == .wait(until: at(20)))
        #expect(limiter.reserve(tokens: 10, at: at(20)).reservation != nil)
    }
}

extension RateDecision {
    fileprivate var reservation: RateReservation? {
        guard case .granted(let reservation) = self else { return nil }
        return reservation
    }
}
