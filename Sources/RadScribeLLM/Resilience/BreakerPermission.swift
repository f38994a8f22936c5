/// What a ``CircuitBreaker`` says about a call that is about to start.
public enum BreakerPermission: Sendable, Equatable {
    /// The call may go ahead; report its outcome with the ticket.
    case allowed(BreakerTicket)
    /// The call must not be made; the provider is not worth asking before `retryAt`.
    ///
    /// A refused call is not an outcome: it is never recorded and never counts as a failure.
    case refused(retryAt: ContinuousClock.Instant)
}

/// Proof that a ``CircuitBreaker`` allowed a call; hand it back with the call's outcome.
///
/// The ticket ties an outcome to the breaker phase that allowed the call, so that a late answer from a call that
/// started before the breaker opened, or from a probe that was given up, cannot close or reopen the breaker.
public struct BreakerTicket: Sendable, Equatable {
    let generation: UInt64
}

/// The phase of a ``CircuitBreaker``, as shown in metrics and logs.
public enum BreakerState: Sendable, Equatable {
    /// Calls go through; outcomes are counted.
    case closed
    /// Calls are refused until the cool-down has passed.
    case open
    /// One probe call is allowed (or out); its outcome closes or reopens the breaker.
    case halfOpen
}
