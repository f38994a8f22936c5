import RadScribeLLM
import Testing

@Suite("Circuit breaker")
struct CircuitBreakerTests {
    let start = ContinuousClock.now

    /// Only the consecutive-failure rule, 3 in a row, 10 s cool-down growing to 25 s, 20 s probe timeout.
    static let consecutiveOnly = CircuitBreaker.Configuration(
        consecutiveFailures: 3,
        failureRate: nil,
        coolDown: .seconds(10),
        maximumCoolDown: .seconds(25),
        probeTimeout: .seconds(20)
    )

    static func rateOnly(threshold: Double, windowSize: Int, minimumCalls: Int) -> CircuitBreaker.Configuration {
        CircuitBreaker.Configuration(
            consecutiveFailures: nil,
            failureRate: .init(threshold: threshold, windowSize: windowSize, minimumCalls: minimumCalls),
            coolDown: .seconds(10)
        )
    }

    func at(_ seconds: Int) -> ContinuousClock.Instant { start + .seconds(seconds) }

    /// An open breaker (opened at `start`) with the consecutive-only configuration.
    func openBreaker() throws -> CircuitBreaker {
        var breaker = CircuitBreaker(configuration: Self.consecutiveOnly)
        try breaker.record("FFF", at: start)
        try #require(breaker.state == .open)
        return breaker
    }

    // MARK: - Closed → open

    @Test func startsClosedAndAllowsEveryCall() throws {
        var breaker = CircuitBreaker()
        #expect(breaker.state == .closed)
        for _ in 0..<50 {
            let ticket = try #require(breaker.permission(at: start).ticket)
            breaker.recordSuccess(ticket)
        }
        #expect(breaker.state == .closed)
    }

    @Test func opensOnTheConfiguredNumberOfConsecutiveFailures() throws {
        var breaker = CircuitBreaker(configuration: Self.consecutiveOnly)
        try breaker.record("FF", at: start)
        #expect(breaker.state == .closed)
        try breaker.record("F", at: at(2))
        #expect(breaker.state == .open)
        #expect(breaker.permission(at: at(2)) == .refused(retryAt: at(12)))
    }

    @Test func aSuccessInBetweenResetsTheConsecutiveCount() throws {
        var breaker = CircuitBreaker(configuration: Self.consecutiveOnly)
        try breaker.record("FFSFFSFF", at: start)
        #expect(breaker.state == .closed)
        try breaker.record("F", at: start)
        #expect(breaker.state == .open)
    }

    @Test func failureRateIsOnlyJudgedOnceTheMinimumCallsWereSeen() throws {
        var breaker = CircuitBreaker(configuration: Self.rateOnly(threshold: 0.5, windowSize: 10, minimumCalls: 4))
        try breaker.record("FSF", at: start)  // 67 % failures, but only 3 calls
        #expect(breaker.state == .closed)
        try breaker.record("F", at: start)  // 3 of 4
        #expect(breaker.state == .open)
    }

    @Test func onlyAFailureCanOpenTheBreaker() throws {
        var breaker = CircuitBreaker(configuration: Self.rateOnly(threshold: 0.5, windowSize: 10, minimumCalls: 4))
        try breaker.record("FFSS", at: start)  // the fourth call makes the rule apply, at 50 %, but it succeeded
        #expect(breaker.state == .closed)
        try breaker.record("F", at: start)
        #expect(breaker.state == .open)
    }

    @Test func failureRateBelowTheThresholdKeepsTheBreakerClosed() throws {
        var breaker = CircuitBreaker(configuration: Self.rateOnly(threshold: 0.75, windowSize: 4, minimumCalls: 4))
        try breaker.record("FSFSFSFS", at: start)
        #expect(breaker.state == .closed)
    }

    @Test func failureRateIsTakenOverTheSlidingWindowOnly() throws {
        var breaker = CircuitBreaker(configuration: Self.rateOnly(threshold: 0.75, windowSize: 4, minimumCalls: 4))
        try breaker.record("SSSFF", at: start)  // window S S F F: 50 %
        #expect(breaker.state == .closed)
        try breaker.record("F", at: start)  // window S F F F: 75 %, though only 3 of all 6 calls failed
        #expect(breaker.state == .open)
    }

    @Test func defaultsOpenAfterFiveConsecutiveFailuresOrHalfOfTenCalls() throws {
        var consecutive = CircuitBreaker()
        try consecutive.record("SFFFF", at: start)
        #expect(consecutive.state == .closed)
        try consecutive.record("F", at: start)
        #expect(consecutive.state == .open)
        #expect(consecutive.permission(at: start) == .refused(retryAt: start + .seconds(30)))

        var alternating = CircuitBreaker()
        try alternating.record("SFSFSFSFS", at: start)
        #expect(alternating.state == .closed)
        try alternating.record("F", at: start)  // 5 of 10, never two in a row
        #expect(alternating.state == .open)
    }

    // MARK: - Open

    @Test func refusedCallsNeitherCountNorExtendTheCoolDown() throws {
        var breaker = try openBreaker()
        for second in 0..<10 {
            #expect(breaker.permission(at: at(second)) == .refused(retryAt: at(10)))
        }
        #expect(breaker.state == .open)
        #expect(breaker.permission(at: at(10)).ticket != nil)
    }

    @Test func staysOpenUntilAskedAfterTheCoolDown() throws {
        var breaker = try openBreaker()
        #expect(breaker.state == .open)
        _ = try #require(breaker.permission(at: at(11)).ticket)
        #expect(breaker.state == .halfOpen)
    }

    // MARK: - Half-open

    @Test func halfOpenLetsExactlyOneProbeThrough() throws {
        var breaker = try openBreaker()
        _ = try #require(breaker.permission(at: at(10)).ticket)
        #expect(breaker.state == .halfOpen)
        #expect(breaker.permission(at: at(10)) == .refused(retryAt: at(30)))
        #expect(breaker.permission(at: at(29)) == .refused(retryAt: at(30)))
    }

    @Test func successfulProbeClosesTheBreakerWithACleanSlate() throws {
        var breaker = CircuitBreaker(configuration: Self.rateOnly(threshold: 0.5, windowSize: 10, minimumCalls: 3))
        try breaker.record("FFF", at: start)
        try #require(breaker.state == .open)
        let probe = try #require(breaker.permission(at: at(10)).ticket)
        breaker.recordSuccess(probe)
        #expect(breaker.state == .closed)
        try breaker.record("SF", at: at(11))  // 1 of 2 after the reset; with the old window it would be 4 of 5
        #expect(breaker.state == .closed)
    }

    @Test func failedProbeReopensWithADoublingCappedCoolDown() throws {
        var breaker = try openBreaker()
        let first = try #require(breaker.permission(at: at(10)).ticket)
        breaker.recordFailure(first, at: at(11))
        #expect(breaker.state == .open)
        #expect(breaker.permission(at: at(11)) == .refused(retryAt: at(31)))  // 20 s

        let second = try #require(breaker.permission(at: at(31)).ticket)
        breaker.recordFailure(second, at: at(31))
        #expect(breaker.permission(at: at(31)) == .refused(retryAt: at(56)))  // 40 s, capped at 25 s

        let third = try #require(breaker.permission(at: at(56)).ticket)
        breaker.recordSuccess(third)
        #expect(breaker.state == .closed)
        try breaker.record("FFF", at: at(60))
        #expect(breaker.permission(at: at(60)) == .refused(retryAt: at(70)))  // back to 10 s
    }

    @Test func unansweredProbeIsReplacedAfterTheProbeTimeout() throws {
        var breaker = try openBreaker()
        let abandoned = try #require(breaker.permission(at: at(10)).ticket)
        #expect(breaker.permission(at: at(29)) == .refused(retryAt: at(30)))
        let replacement = try #require(breaker.permission(at: at(30)).ticket)
        #expect(breaker.state == .halfOpen)

        breaker.recordSuccess(abandoned)  // too late: it no longer speaks for the provider
        #expect(breaker.state == .halfOpen)
        breaker.recordSuccess(replacement)
        #expect(breaker.state == .closed)
    }

    @Test func releasedProbeLetsTheNextCallProbeAtOnce() throws {
        var breaker = try openBreaker()
        let cancelled = try #require(breaker.permission(at: at(10)).ticket)
        breaker.release(cancelled)
        breaker.recordSuccess(cancelled)  // a released ticket counts for nothing
        #expect(breaker.state == .halfOpen)

        let next = try #require(breaker.permission(at: at(10)).ticket)
        breaker.recordFailure(cancelled, at: at(11))
        #expect(breaker.state == .halfOpen)
        breaker.recordFailure(next, at: at(11))
        #expect(breaker.state == .open)
    }

    // MARK: - Stale tickets and neutral outcomes

    @Test func outcomesOfCallsStartedBeforeTheBreakerOpenedAreIgnored() throws {
        var breaker = CircuitBreaker(configuration: Self.consecutiveOnly)
        let late = try #require(breaker.permission(at: start).ticket)
        try breaker.record("FFF", at: start)
        breaker.recordSuccess(late)
        #expect(breaker.state == .open)

        let probe = try #require(breaker.permission(at: at(10)).ticket)
        breaker.recordFailure(late, at: at(10))
        #expect(breaker.state == .halfOpen)
        breaker.recordSuccess(probe)
        #expect(breaker.state == .closed)
    }

    @Test func lateFailuresFromBeforeARecoveryDoNotReopenTheBreaker() throws {
        var breaker = CircuitBreaker(configuration: .init(consecutiveFailures: 1, failureRate: nil, coolDown: .seconds(10)))
        let late = try #require(breaker.permission(at: start).ticket)
        try breaker.record("F", at: start)
        let probe = try #require(breaker.permission(at: at(10)).ticket)
        breaker.recordSuccess(probe)
        breaker.recordFailure(late, at: at(11))
        #expect(breaker.state == .closed)
    }

    @Test func releasingAClosedTicketCountsNeitherSuccessNorFailure() throws {
        var breaker = CircuitBreaker(configuration: Self.consecutiveOnly)
        try breaker.record("FF", at: start)
        for _ in 0..<5 {
            let ticket = try #require(breaker.permission(at: start).ticket)
            breaker.release(ticket)
        }
        #expect(breaker.state == .closed)
        try breaker.record("F", at: start)  // still the third in a row
        #expect(breaker.state == .open)
    }
}

extension BreakerPermission {
    fileprivate var ticket: BreakerTicket? {
        guard case .allowed(let ticket) = self else { return nil }
        return ticket
    }
}

extension CircuitBreaker {
    /// Runs one allowed call per letter: `S` succeeds, `F` fails.
    fileprivate mutating func record(_ outcomes: String, at now: ContinuousClock.Instant) throws {
        for outcome in outcomes {
            let ticket = try #require(permission(at: now).ticket)
            if outcome == "S" {
                recordSuccess(ticket)
            } else {
                recordFailure(ticket, at: now)
            }
        }
    }
}
