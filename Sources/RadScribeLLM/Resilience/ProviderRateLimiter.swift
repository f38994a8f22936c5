/// Client-side rate limits for one provider: requests per minute and LLM tokens per minute, as two token buckets.
///
/// Before a call, ``reserve(tokens:at:)`` takes one request and the call's estimated tokens (prompt estimate plus
/// maximum output tokens, see ``PromptTokenEstimator``); after it, ``settle(_:actualTokens:at:)`` corrects the token
/// bucket by the usage the provider reported. Each bucket holds one minute's allowance, so a full minute's quota may be
/// spent in a burst, as the providers themselves count. The limiter never reads a clock and never sleeps.
///
/// Ask the ``CircuitBreaker`` first and reserve second: a refused breaker then costs no quota, and a ticket whose
/// reservation must wait is handed back with ``CircuitBreaker/release(_:)``.
public struct ProviderRateLimiter: Sendable {
    /// The per-minute limits of one provider.
    public struct Limits: Sendable, Equatable {
        /// Requests per minute; `nil` means unlimited.
        public let requestsPerMinute: Int?
        /// LLM tokens (prompt and completion) per minute; `nil` means unlimited.
        public let tokensPerMinute: Int?

        /// No limits at all.
        public static let unlimited = Limits(requestsPerMinute: nil, tokensPerMinute: nil)

        /// Per-minute limits; `nil`, 0 or a negative value means unlimited.
        public init(requestsPerMinute: Int?, tokensPerMinute: Int?) {
            self.requestsPerMinute = requestsPerMinute.flatMap { $0 > 0 ? $0 : nil }
            self.tokensPerMinute = tokensPerMinute.flatMap { $0 > 0 ? $0 : nil }
        }
    }

    /// The limits this limiter enforces.
    public let limits: Limits
    private var requests: RateBucket?
    private var tokens: RateBucket?
    private var suspendedUntil: ContinuousClock.Instant?

    /// A limiter with full buckets.
    public init(limits: Limits) {
        self.limits = limits
        requests = limits.requestsPerMinute.map(RateBucket.init(limit:))
        tokens = limits.tokensPerMinute.map(RateBucket.init(limit:))
    }

    /// Reserves one request and `tokens` LLM tokens if both are available now; otherwise reserves nothing.
    ///
    /// - Parameters:
    ///   - tokens: The tokens the call may use: the prompt's estimate plus the maximum output tokens.
    ///   - now: The current time.
    /// - Returns: ``RateDecision/granted(_:)`` with the reservation to settle, ``RateDecision/wait(until:)`` with the
    ///   earliest time both are available (reserve again then), or ``RateDecision/exceedsCapacity`` when `tokens` is
    ///   more than a whole minute's allowance.
    public mutating func reserve(tokens: Int, at now: ContinuousClock.Instant) -> RateDecision {
        let reserved = max(0, tokens)
        var readyAt = max(now, suspendedUntil ?? now)
        for (bucket, amount) in [(requests, 1), (self.tokens, reserved)] {
            guard let bucket else { continue }
            guard let available = bucket.availableAt(amount, now: now) else { return .exceedsCapacity }
            readyAt = max(readyAt, available)
        }
        guard readyAt <= now else { return .wait(until: readyAt) }
        requests?.take(1, now: now)
        self.tokens?.take(reserved, now: now)
        return .granted(RateReservation(tokens: reserved))
    }

    /// Corrects the token bucket once the provider reported the call's real usage.
    ///
    /// An overestimate gives the difference back; an underestimate takes the rest, which may put the bucket in debt
    /// and delay later calls. The request itself stays counted: it was sent.
    /// - Parameters:
    ///   - reservation: The reservation the call was granted with.
    ///   - actualTokens: The tokens the provider counted (prompt and completion); 0 if it counted none.
    ///   - now: The current time.
    public mutating func settle(_ reservation: RateReservation, actualTokens: Int, at now: ContinuousClock.Instant) {
        let difference = max(0, actualTokens) - reservation.tokens
        if difference > 0 {
            tokens?.take(difference, now: now)
        } else {
            tokens?.giveBack(-difference)
        }
    }

    /// Holds every reservation back until `instant`, for a provider that answered 429 with a `Retry-After` time.
    ///
    /// A later instant replaces an earlier one; an earlier one is ignored.
    public mutating func suspend(until instant: ContinuousClock.Instant) {
        suspendedUntil = max(suspendedUntil ?? instant, instant)
    }
}

/// The answer of ``ProviderRateLimiter/reserve(tokens:at:)``.
public enum RateDecision: Sendable, Equatable {
    /// The request and its tokens are reserved; settle the reservation when the call ends.
    case granted(RateReservation)
    /// Nothing is reserved; both buckets hold enough at `until`. Wait if that is within the deadline, else skip.
    case wait(until: ContinuousClock.Instant)
    /// The tokens exceed a whole minute's allowance, so no wait can help: skip this provider.
    case exceedsCapacity
}

/// Request and tokens taken from a ``ProviderRateLimiter`` for one call.
public struct RateReservation: Sendable, Equatable {
    /// The tokens reserved; the request is always one.
    public let tokens: Int
}
