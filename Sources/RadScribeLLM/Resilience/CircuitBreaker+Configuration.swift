extension CircuitBreaker {
    /// When a ``CircuitBreaker`` opens and how long it stays open.
    ///
    /// The defaults follow the seed: open after 5 consecutive failures, or when at least half of the last 20 calls
    /// failed (once 10 calls were seen); stay open 30 s, doubling after each failed probe up to 5 minutes.
    public struct Configuration: Sendable, Equatable {
        /// The failure-rate rule: open when the share of failures among the last calls reaches a threshold.
        public struct FailureRate: Sendable, Equatable {
            /// The share of failures (0 < threshold ≤ 1) at or above which the breaker opens.
            public let threshold: Double
            /// How many of the most recent calls the rate is taken over.
            public let windowSize: Int
            /// How many calls the window must hold before the rate is judged at all.
            public let minimumCalls: Int

            /// A failure-rate rule.
            ///
            /// - Parameters:
            ///   - threshold: The failure share that opens the breaker, in `0 < threshold ≤ 1`; reaching it is enough.
            ///   - windowSize: The number of most recent calls considered; at least 1.
            ///   - minimumCalls: Calls needed before the rule applies; between 1 and `windowSize`.
            /// - Precondition: The values are in the ranges above.
            public init(threshold: Double = 0.5, windowSize: Int = 20, minimumCalls: Int = 10) {
                precondition(threshold > 0 && threshold <= 1, "failure-rate threshold must be in (0, 1]")
                precondition(windowSize >= 1, "failure-rate window needs at least one call")
                precondition((1...windowSize).contains(minimumCalls), "minimumCalls must be in 1...windowSize")
                self.threshold = threshold
                self.windowSize = windowSize
                self.minimumCalls = minimumCalls
            }
        }

        /// Consecutive failures that open the breaker; `nil` turns the rule off.
        public let consecutiveFailures: Int?
        /// The failure-rate rule; `nil` turns it off.
        public let failureRate: FailureRate?
        /// How long the breaker stays open after it opened from closed.
        public let coolDown: Duration
        /// The longest cool-down: each failed probe doubles the cool-down up to this value.
        public let maximumCoolDown: Duration
        /// How long a probe may stay unanswered before the breaker lets another probe through.
        ///
        /// Set it above the provider's request timeout: it only matters when a probe's outcome is never reported,
        /// for example because its task was cancelled and ``CircuitBreaker/release(_:)`` was not called.
        public let probeTimeout: Duration

        /// A breaker configuration.
        ///
        /// - Parameters:
        ///   - consecutiveFailures: Consecutive failures that open the breaker (at least 1), or `nil`.
        ///   - failureRate: The failure-rate rule, or `nil`.
        ///   - coolDown: The first cool-down; positive.
        ///   - maximumCoolDown: The cap for the growing cool-down; at least `coolDown` (equal: no growth).
        ///   - probeTimeout: How long an unanswered probe blocks other calls; positive.
        /// - Precondition: The values are in the ranges above.
        public init(
            consecutiveFailures: Int? = 5,
            failureRate: FailureRate? = FailureRate(),
            coolDown: Duration = .seconds(30),
            maximumCoolDown: Duration = .seconds(300),
            probeTimeout: Duration = .seconds(30)
        ) {
            precondition(consecutiveFailures.map { $0 >= 1 } ?? true, "consecutiveFailures must be at least 1")
            precondition(coolDown > .zero, "coolDown must be positive")
            precondition(maximumCoolDown >= coolDown, "maximumCoolDown must not be below coolDown")
            precondition(probeTimeout > .zero, "probeTimeout must be positive")
            self.consecutiveFailures = consecutiveFailures
            self.failureRate = failureRate
            self.coolDown = coolDown
            self.maximumCoolDown = maximumCoolDown
            self.probeTimeout = probeTimeout
        }
    }
}
