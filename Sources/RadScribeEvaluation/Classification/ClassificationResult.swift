import RadScribeCore

/// A corpus that labelled classification cases come from.
public enum ClassificationSource: String, Sendable, CaseIterable, Hashable, Codable {
    /// Open-i chest radiograph reports (English).
    case openI = "openi-indiana"
    /// NegEx test-set reports with a report-type header (English).
    case negExChapman = "negex-chapman"
    /// The filled DRG example reports (German).
    case drgExamples = "drg-befundung-de"
}

/// One labelled dictation for the classifier.
struct ClassificationCase: Sendable, Hashable {
    /// Where it comes from.
    var source: ClassificationSource
    /// Its id in the source.
    var id: String
    /// The dictation.
    var text: String
    /// Its language.
    var language: Language
    /// The exam type it must get.
    var expected: ExamType
}

/// What the classifier made of one case.
public struct ClassificationOutcome: Sendable, Hashable {
    /// Where the case comes from.
    public let source: ClassificationSource
    /// Its id in the source.
    public let id: String
    /// The gold exam type.
    public let expected: ExamType
    /// The winning type, `nil` when the engine failed.
    public let predicted: ExamType?
    /// The best three scores.
    public let topScores: [ExamTypeScore]

    /// Whether the winner is the gold type.
    public var isCorrect: Bool { predicted == expected }
}

/// Classification accuracy for one source and gold type.
public struct ClassificationGroup: Sendable, Hashable {
    /// The source.
    public let source: ClassificationSource
    /// The gold type.
    public let expected: ExamType
    /// Cases scored.
    public internal(set) var cases = 0
    /// Cases classified as ``expected``.
    public internal(set) var correct = 0

    /// `correct / cases`, `nil` without cases.
    public var accuracy: Double? { cases > 0 ? Double(correct) / Double(cases) : nil }
}

/// Classification scores over all labelled sources.
public struct ClassificationResult: Sendable, Hashable {
    /// One row per source and gold type, in the order first seen.
    public internal(set) var groups: [ClassificationGroup] = []
    /// Gold type → predicted type (`nil`: engine failure) → count.
    public internal(set) var confusion: [ExamType: [ExamType?: Int]] = [:]
    /// The misclassified cases.
    public internal(set) var failures: [ClassificationOutcome] = []
    /// Corpus items left out because the label mapping gives them no type, with their count (for example `negex-chapman RAD`).
    public internal(set) var unlabelled: [String: Int] = [:]

    /// Adds one outcome.
    mutating func add(_ outcome: ClassificationOutcome) {
        let index =
            groups.firstIndex { $0.source == outcome.source && $0.expected == outcome.expected }
            ?? {
                groups.append(ClassificationGroup(source: outcome.source, expected: outcome.expected))
                return groups.count - 1
            }()
        groups[index].cases += 1
        confusion[outcome.expected, default: [:]][outcome.predicted, default: 0] += 1
        if outcome.isCorrect { groups[index].correct += 1 } else { failures.append(outcome) }
    }

    /// Records an item that has no gold type.
    mutating func skip(_ item: String) {
        unlabelled[item, default: 0] += 1
    }

    /// Cases over all groups.
    public var cases: Int { groups.reduce(0) { $0 + $1.cases } }
    /// Correct cases over all groups.
    public var correct: Int { groups.reduce(0) { $0 + $1.correct } }
}

extension ClassificationOutcome {
    /// The outcome of `labelled` given the engine's report (`nil` when it failed).
    init(_ labelled: ClassificationCase, report: StructuredReport?) {
        self.init(
            source: labelled.source,
            id: labelled.id,
            expected: labelled.expected,
            predicted: report?.classification.examType,
            topScores: Array(report?.classification.scores.prefix(3) ?? [])
        )
    }
}
