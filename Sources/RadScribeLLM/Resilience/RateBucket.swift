/// A token bucket that holds `limit` units and refills `limit` units per minute, kept as the instant at which it will
/// be full again (the generic cell rate algorithm), so refills are exact `Duration` arithmetic without a timer.
struct RateBucket: Sendable {
    private static let refillPeriod = Duration.seconds(60)

    /// The bucket's capacity and its refill per minute.
    let limit: Int
    /// When the bucket is full again; `nil` or a past instant means full. Past `now + refillPeriod` means in debt.
    private var fullAt: ContinuousClock.Instant?

    /// A full bucket.
    ///
    /// - Precondition: `limit` is positive.
    init(limit: Int) {
        precondition(limit > 0, "a rate bucket needs a positive limit")
        self.limit = limit
    }

    /// When `amount` units will be available, or `nil` if they never can be because `amount` exceeds the capacity.
    func availableAt(_ amount: Int, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard amount <= limit else { return nil }
        guard let fullAt, fullAt > now else { return now }
        return max(now, fullAt + refillTime(for: amount) - Self.refillPeriod)
    }

    /// Takes `amount` units out, going into debt if they are not there (an underestimate being settled).
    mutating func take(_ amount: Int, now: ContinuousClock.Instant) {
        fullAt = max(fullAt ?? now, now) + refillTime(for: amount)
    }

    /// Puts `amount` units back; the bucket never holds more than its capacity, as a `fullAt` in the past means full.
    mutating func giveBack(_ amount: Int) {
        fullAt = fullAt.map { $0 - refillTime(for: amount) }
    }

    private func refillTime(for amount: Int) -> Duration {
        Self.refillPeriod * amount / limit
    }
}
