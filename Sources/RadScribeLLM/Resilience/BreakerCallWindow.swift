/// The outcomes of the last `capacity` calls, for the failure-rate rule of ``CircuitBreaker``.
struct BreakerCallWindow: Sendable {
    /// `true` marks a failure; a ring buffer written at `next`.
    private var outcomes: [Bool]
    private var next = 0
    /// How many outcomes the window holds (at most its capacity).
    private(set) var count = 0
    /// How many of the held outcomes are failures.
    private(set) var failures = 0

    /// An empty window that remembers the last `capacity` outcomes; a capacity of 0 remembers nothing.
    init(capacity: Int) {
        outcomes = Array(repeating: false, count: max(0, capacity))
    }

    /// Adds an outcome, dropping the oldest one once the window is full.
    mutating func record(failure: Bool) {
        guard !outcomes.isEmpty else { return }
        if count == outcomes.count {
            if outcomes[next] { failures -= 1 }
        } else {
            count += 1
        }
        outcomes[next] = failure
        if failure { failures += 1 }
        next = (next + 1) % outcomes.count
    }

    /// Forgets every outcome.
    mutating func removeAll() {
        self = BreakerCallWindow(capacity: outcomes.count)
    }
}
