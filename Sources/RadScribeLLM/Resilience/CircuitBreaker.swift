/// A per-provider circuit breaker: closed, open, half-open, driven by the times its caller passes in.
///
/// Closed, every call is allowed and its outcome counted. The breaker opens when
/// ``Configuration/consecutiveFailures`` calls in a row failed, or when the ``Configuration/failureRate`` rule finds
/// too many failures among the last calls; both rules are judged when a failure is recorded, so a success never
/// opens the breaker. Open, calls are refused until the cool-down has passed; then exactly one probe is allowed
/// (half-open) and every other call is refused while it is out. A successful probe closes the breaker with a clean
/// slate; a failed probe opens it again with a doubled cool-down, capped at ``Configuration/maximumCoolDown``. A probe
/// whose outcome never arrives stops blocking after ``Configuration/probeTimeout``.
///
/// The breaker never reads a clock and never sleeps. Hold one per provider inside the actor that runs the calls:
///
/// ```swift
/// guard case .allowed(let ticket) = breaker.permission(at: clock.now) else { /* next provider */ }
/// // … call the provider, then one of:
/// breaker.recordSuccess(ticket)
/// breaker.recordFailure(ticket, at: clock.now)
/// breaker.release(ticket)  // cancelled, or a failure that says nothing about the provider
/// ```
public struct CircuitBreaker: Sendable {
    private enum Phase: Sendable {
        case closed
        case open(until: ContinuousClock.Instant)
        /// `probeSince` is when the outstanding probe was allowed; `nil` when no probe is out.
        case halfOpen(probeSince: ContinuousClock.Instant?)
    }

    /// The thresholds and durations this breaker works with.
    public let configuration: Configuration
    private var phase = Phase.closed
    /// Changes whenever a ticket must stop counting: on every phase change and every probe.
    private var generation: UInt64 = 0
    private var window: BreakerCallWindow
    private var consecutiveFailures = 0
    private var coolDown: Duration

    /// A closed breaker.
    ///
    /// - Parameter configuration: When to open and how long to stay open.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        window = BreakerCallWindow(capacity: configuration.failureRate?.windowSize ?? 0)
        coolDown = configuration.coolDown
    }

    /// The current phase.
    ///
    /// An open breaker whose cool-down has passed stays ``BreakerState/open`` until ``permission(at:)`` lets the probe
    /// through.
    public var state: BreakerState {
        switch phase {
        case .closed: .closed
        case .open: .open
        case .halfOpen: .halfOpen
        }
    }

    // MARK: - Calls

    /// Whether a call may start now; allowing a probe moves an open breaker to half-open.
    ///
    /// - Parameter now: The current time.
    /// - Returns: ``BreakerPermission/allowed(_:)`` with the ticket to report the outcome with, or
    ///   ``BreakerPermission/refused(retryAt:)`` with the end of the cool-down or of the outstanding probe's timeout.
    public mutating func permission(at now: ContinuousClock.Instant) -> BreakerPermission {
        switch phase {
        case .closed:
            return .allowed(BreakerTicket(generation: generation))
        case .open(let until):
            guard now >= until else { return .refused(retryAt: until) }
            return allowProbe(at: now)
        case .halfOpen(let probeSince?):
            let expiry = probeSince + configuration.probeTimeout
            guard now >= expiry else { return .refused(retryAt: expiry) }
            return allowProbe(at: now)
        case .halfOpen(nil):
            return allowProbe(at: now)
        }
    }

    /// Records that an allowed call succeeded; a successful probe closes the breaker.
    ///
    /// A ticket from an earlier phase (the call started before the breaker opened, or its probe was replaced) is ignored.
    public mutating func recordSuccess(_ ticket: BreakerTicket) {
        guard ticket.generation == generation else { return }
        if case .halfOpen = phase {
            close()
        } else {
            consecutiveFailures = 0
            window.record(failure: false)
        }
    }

    /// Records that an allowed call failed in a way that reflects on the provider.
    ///
    /// Closed, the failure may open the breaker; half-open, it reopens the breaker with a doubled cool-down.
    /// A ticket from an earlier phase is ignored.
    /// - Parameters:
    ///   - ticket: The ticket the call was allowed with.
    ///   - now: When the failure was seen; the cool-down starts here.
    public mutating func recordFailure(_ ticket: BreakerTicket, at now: ContinuousClock.Instant) {
        guard ticket.generation == generation else { return }
        if case .halfOpen = phase {
            coolDown = min(coolDown * 2, configuration.maximumCoolDown)
            open(until: now + coolDown)
            return
        }
        consecutiveFailures += 1
        window.record(failure: true)
        // `coolDown` is back at its configured value here: closing resets it.
        if isTripped { open(until: now + coolDown) }
    }

    /// Gives a ticket back without an outcome: the call was cancelled or failed for a reason that says nothing about
    /// the provider (a bad request, a refusal, the caller's deadline).
    ///
    /// Releasing the probe lets the next call probe at once; the released ticket no longer counts.
    public mutating func release(_ ticket: BreakerTicket) {
        guard ticket.generation == generation, case .halfOpen = phase else { return }
        generation &+= 1
        phase = .halfOpen(probeSince: nil)
    }

    // MARK: - Transitions

    private var isTripped: Bool {
        if let limit = configuration.consecutiveFailures, consecutiveFailures >= limit { return true }
        guard let rule = configuration.failureRate, window.count >= rule.minimumCalls else { return false }
        return Double(window.failures) >= rule.threshold * Double(window.count)
    }

    private mutating func allowProbe(at now: ContinuousClock.Instant) -> BreakerPermission {
        generation &+= 1
        phase = .halfOpen(probeSince: now)
        return .allowed(BreakerTicket(generation: generation))
    }

    private mutating func open(until end: ContinuousClock.Instant) {
        generation &+= 1
        phase = .open(until: end)
    }

    private mutating func close() {
        generation &+= 1
        phase = .closed
        consecutiveFailures = 0
        window.removeAll()
        coolDown = configuration.coolDown
    }
}
