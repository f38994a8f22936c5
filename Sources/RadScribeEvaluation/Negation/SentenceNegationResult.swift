import RadScribeCore

/// The judgement on one annotated NegEx sentence.
public struct SentenceNegationOutcome: Sendable, Hashable {
    /// The report or line number.
    public let id: String
    /// The annotated concept.
    public let concept: String
    /// The sentence around the concept, cut to about ``EvaluationReport`` width.
    public let excerpt: String
    /// The physician's judgement.
    public let gold: Assertion
    /// The detector's judgement.
    public let predicted: Assertion
    /// How the concept was found in the sentence.
    public let match: TargetMatch
}

/// Gold × predicted assertion counts.
public struct AssertionConfusion: Sendable, Hashable {
    /// Gold → predicted → count.
    public internal(set) var counts: [Assertion: [Assertion: Int]] = [:]

    /// Counts one judgement.
    mutating func add(gold: Assertion, predicted: Assertion) {
        counts[gold, default: [:]][predicted, default: 0] += 1
    }

    /// The number of judgements.
    public var total: Int { counts.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
    /// The number with gold `gold` and prediction `predicted`.
    public func count(gold: Assertion, predicted: Assertion) -> Int { counts[gold]?[predicted] ?? 0 }

    /// "Negated" as the positive class, the way NegEx reports it.
    public var negated: BinaryCounts {
        let others: [Assertion] = [.present, .possible]
        return BinaryCounts(
            truePositives: count(gold: .absent, predicted: .absent),
            falsePositives: others.reduce(0) { $0 + count(gold: $1, predicted: .absent) },
            falseNegatives: others.reduce(0) { $0 + count(gold: .absent, predicted: $1) }
        )
    }

    /// The share of exact agreement over all three values (present, absent, possible), `nil` when empty.
    public var accuracy: Double? {
        let total = total
        guard total > 0 else { return nil }
        let agreeing = [Assertion.present, .absent, .possible].reduce(0) { $0 + count(gold: $1, predicted: $1) }
        return Double(agreeing) / Double(total)
    }
}

/// Sentence-level negation scores on one annotation file.
public struct SentenceNegationResult: Sendable, Hashable {
    /// The file, relative to the corpus directory.
    public let file: String
    /// Gold × predicted counts.
    public internal(set) var confusion = AssertionConfusion()
    /// How the targets were found.
    public internal(set) var targetMatches: [TargetMatch: Int] = [:]
    /// The sentences judged wrongly.
    public internal(set) var failures: [SentenceNegationOutcome] = []
    /// Time spent in the assertion function.
    public internal(set) var duration: Duration = .zero

    /// Adds one judgement.
    mutating func add(_ outcome: SentenceNegationOutcome) {
        confusion.add(gold: outcome.gold, predicted: outcome.predicted)
        targetMatches[outcome.match, default: 0] += 1
        if outcome.gold != outcome.predicted { failures.append(outcome) }
    }
}

/// The published NegEx figures on this test set (GenNegEx 1.2, `negex-chapman/TestSet.wiki.md`), printed for comparison.
public enum NegExReference {
    /// Sentences.
    public static let sentences = 2376
    /// Precision of "negated".
    public static let precision = 0.933
    /// Recall of "negated".
    public static let recall = 0.959
    /// F1 of "negated".
    public static let f1 = 0.946
    /// Correct negated plus correct affirmed over all sentences.
    public static let accuracy = 0.977
}
