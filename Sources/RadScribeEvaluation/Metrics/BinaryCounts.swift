/// True positives, false positives and false negatives of one class, with the scores derived from them.
public struct BinaryCounts: Sendable, Hashable {
    /// Predicted and gold.
    public internal(set) var truePositives = 0
    /// Predicted, not gold.
    public internal(set) var falsePositives = 0
    /// Gold, not predicted.
    public internal(set) var falseNegatives = 0

    /// TP / (TP + FP), `nil` when nothing was predicted.
    public var precision: Double? {
        Self.ratio(truePositives, truePositives + falsePositives)
    }
    /// TP / (TP + FN), `nil` when there is no gold positive.
    public var recall: Double? {
        Self.ratio(truePositives, truePositives + falseNegatives)
    }
    /// The harmonic mean of precision and recall, 2·TP / (2·TP + FP + FN); `nil` when there is nothing to count.
    public var f1: Double? {
        Self.ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives)
    }

    /// Counts one decision.
    mutating func add(predicted: Bool, gold: Bool) {
        switch (predicted, gold) {
        case (true, true): truePositives += 1
        case (true, false): falsePositives += 1
        case (false, true): falseNegatives += 1
        case (false, false): break
        }
    }

    /// The sum of two tallies, for micro averages.
    static func + (lhs: BinaryCounts, rhs: BinaryCounts) -> BinaryCounts {
        var sum = lhs
        sum.truePositives += rhs.truePositives
        sum.falsePositives += rhs.falsePositives
        sum.falseNegatives += rhs.falseNegatives
        return sum
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
