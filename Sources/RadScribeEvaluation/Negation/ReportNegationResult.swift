import RadScribeCore

/// A report-level label the engine got wrong.
public struct LabelOutcome: Sendable, Hashable {
    /// The Open-i report id.
    public let uid: String
    /// The NegBio label.
    public let label: String
    /// Whether the gold standard marks it positive.
    public let goldPositive: Bool
    /// What the engine said.
    public let prediction: LabelPrediction
    /// The mentions the prediction rests on: matched text and assertion.
    public let mentions: [String]
}

/// Scores of one NegBio label.
public struct LabelScore: Sendable, Hashable {
    /// The label.
    public let label: String
    /// Gold positives among the scored reports.
    public internal(set) var goldPositives = 0
    /// Positive detection.
    public internal(set) var positive = BinaryCounts()
    /// Gold-negative reports in which the engine found a mention.
    public internal(set) var negativeMentions = 0
    /// Of those, the ones it negated.
    public internal(set) var negatedCorrectly = 0
}

/// Report-level negation scores against the NegBio gold standard on its test split.
public struct ReportNegationResult: Sendable, Hashable {
    /// Test-split reports scored (those with findings or an impression).
    public internal(set) var reports = 0
    /// Test-split ids in the gold file.
    public internal(set) var testSplitSize = 0
    /// One row per label in map order.
    public internal(set) var labels: [LabelScore]
    /// Wrong decisions: gold positives not found positive, gold negatives found positive.
    public internal(set) var failures: [LabelOutcome] = []

    /// Creates an empty result for `labels`.
    init(labels: [String]) {
        self.labels = labels.map { LabelScore(label: $0) }
    }

    /// Positive detection over all labels (micro average).
    public var micro: BinaryCounts { labels.reduce(BinaryCounts()) { $0 + $1.positive } }
    /// Gold-negative mentions over all labels.
    public var negativeMentions: Int { labels.reduce(0) { $0 + $1.negativeMentions } }
    /// Of those, the ones negated.
    public var negatedCorrectly: Int { labels.reduce(0) { $0 + $1.negatedCorrectly } }

    /// Adds the decisions for one report with gold positives `positives`; `decisions` follow the label order of ``labels``.
    mutating func add(uid: String, positives: Set<String>, decisions: [LabelDecision]) {
        reports += 1
        for (index, item) in decisions.enumerated() {
            let gold = positives.contains(item.label)
            let predictedPositive = item.prediction == .positive
            if gold { labels[index].goldPositives += 1 }
            labels[index].positive.add(predicted: predictedPositive, gold: gold)
            if !gold, item.prediction != .notMentioned {
                labels[index].negativeMentions += 1
                if item.prediction == .negated { labels[index].negatedCorrectly += 1 }
            }
            if gold != predictedPositive {
                let mentions = item.mentions.map { "\($0.matchedText) (\($0.assertion.rawValue))" }
                failures.append(LabelOutcome(uid: uid, label: item.label, goldPositive: gold, prediction: item.prediction, mentions: mentions))
            }
        }
    }
}
