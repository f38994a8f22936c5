/// Order statistics of a sample, interpolated linearly between the closest ranks (numpy's default method).
struct Quantiles: Sendable, Equatable {
    /// The values, ascending.
    private(set) var sorted: [Double]

    /// The order statistics of `values`, in any order.
    init(_ values: [Double]) {
        sorted = values.sorted()
    }

    /// The `q`-quantile (0…1), or `nil` for an empty sample: position `q × (n − 1)` of the sorted values,
    /// interpolated between its neighbours, so `value(at: 0.5)` is the usual median.
    func value(at q: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let position = min(max(q, 0), 1) * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    /// The median, or `nil` for an empty sample.
    var median: Double? { value(at: 0.5) }

    /// The 95th percentile, or `nil` for an empty sample.
    var p95: Double? { value(at: 0.95) }
}
