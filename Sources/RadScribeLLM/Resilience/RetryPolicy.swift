/// When a failed provider call is tried again, and after how long.
///
/// Only transient failures (``LLMFailureKind/isTransient``) are retried, at most ``maxAttempts`` attempts in all,
/// and only when the retry would start early enough to leave ``minimumAttemptTime`` before the deadline. The delay is
/// the provider's `Retry-After` when it sent one; otherwise exponential back-off with full jitter: a uniformly random
/// delay between zero and `initialBackoff × 2^(attempt − 1)`, capped at ``maximumBackoff``. A `Retry-After` that
/// reaches past the deadline ends the retries, so an absurd value never makes the caller wait.
public struct RetryPolicy: Sendable, Equatable {
    /// The most attempts per call, the first one included; 1 means no retries.
    public let maxAttempts: Int
    /// The back-off ceiling after the first failed attempt.
    public let initialBackoff: Duration
    /// The largest back-off ceiling, however many attempts failed.
    public let maximumBackoff: Duration
    /// The time a retry needs before the deadline to be worth starting.
    public let minimumAttemptTime: Duration

    /// A retry policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: Attempts per call including the first; at least 1.
    ///   - initialBackoff: The first back-off ceiling; positive.
    ///   - maximumBackoff: The cap for the back-off ceiling; at least `initialBackoff`.
    ///   - minimumAttemptTime: The time left before the deadline a retry needs; not negative.
    /// - Precondition: The values are in the ranges above.
    public init(
        maxAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(250),
        maximumBackoff: Duration = .seconds(4),
        minimumAttemptTime: Duration = .seconds(1)
    ) {
        precondition(maxAttempts >= 1, "maxAttempts must be at least 1")
        precondition(initialBackoff > .zero, "initialBackoff must be positive")
        precondition(maximumBackoff >= initialBackoff, "maximumBackoff must not be below initialBackoff")
        precondition(minimumAttemptTime >= .zero, "minimumAttemptTime must not be negative")
        self.maxAttempts = maxAttempts
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.minimumAttemptTime = minimumAttemptTime
    }

    /// Whether and when to try again after attempt number `attempt` failed with `failure`.
    ///
    /// - Parameters:
    ///   - failure: How the attempt failed.
    ///   - attempt: The number of the failed attempt, counting from 1.
    ///   - now: When the failure was seen.
    ///   - deadline: When the whole call must be finished.
    ///   - generator: The random source for the jitter; pass a seeded one in tests.
    /// - Returns: ``RetryDecision/retry(at:)`` with the time to start the next attempt, or
    ///   ``RetryDecision/giveUp(_:)`` with the reason.
    public func decision(
        after failure: LLMFailureKind,
        attempt: Int,
        now: ContinuousClock.Instant,
        deadline: ContinuousClock.Instant,
        using generator: inout some RandomNumberGenerator
    ) -> RetryDecision {
        guard failure.isTransient else { return .giveUp(.notRetryable) }
        guard attempt < maxAttempts else { return .giveUp(.attemptsExhausted) }
        let delay = failure.retryAfter.map { max($0, .zero) } ?? jitteredBackoff(after: attempt, using: &generator)
        let retryAt = now + delay
        guard retryAt + minimumAttemptTime <= deadline else { return .giveUp(.deadline) }
        return .retry(at: retryAt)
    }

    /// The back-off ceiling after attempt number `attempt` failed: `initialBackoff × 2^(attempt − 1)`, capped.
    func backoffCeiling(after attempt: Int) -> Duration {
        var ceiling = initialBackoff
        var doublings = attempt - 1
        while doublings > 0, ceiling < maximumBackoff {
            ceiling = min(ceiling * 2, maximumBackoff)
            doublings -= 1
        }
        return ceiling
    }

    private func jitteredBackoff(after attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        let (seconds, attoseconds) = backoffCeiling(after: attempt).components
        let ceilingNanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        return .nanoseconds(Int64.random(in: 0...ceilingNanoseconds, using: &generator))
    }
}

/// The answer of ``RetryPolicy/decision(after:attempt:now:deadline:using:)``.
public enum RetryDecision: Sendable, Equatable {
    /// Why no retry is made.
    public enum Reason: Sendable, Equatable {
        /// The failure is not transient: the same request would fail the same way, or it was the caller's doing.
        case notRetryable
        /// The policy's attempts are used up.
        case attemptsExhausted
        /// The retry could not start early enough to finish before the deadline.
        case deadline
    }

    /// Try again, starting at the given time.
    case retry(at: ContinuousClock.Instant)
    /// Stop retrying this provider.
    case giveUp(Reason)
}
