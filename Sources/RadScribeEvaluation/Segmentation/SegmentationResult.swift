import RadScribeCore

/// Where the words of one report field ended up.
public struct FieldOutcome: Sendable, Hashable {
    /// The field.
    public let field: ReportField
    /// How many of its words landed in each section kind; `nil` counts words in a header or in no section.
    public let placement: [SectionKind?: Int]
    /// The start of the field's text.
    public let excerpt: String

    /// The field's number of words.
    public var words: Int { placement.values.reduce(0, +) }
    /// The words that landed in the section of ``ReportField/expectedKind``.
    public var correctWords: Int { placement[field.expectedKind] ?? 0 }
    /// Whether every word landed in the right section kind.
    public var isCorrect: Bool { correctWords == words }
}

/// The segmentation outcome of one report in one variant.
public struct SegmentationCase: Sendable, Hashable {
    /// The Open-i report id.
    public let uid: String
    /// How the dictation was assembled.
    public let variant: DictationVariant
    /// The outcome per field, in dictation order.
    public let fields: [FieldOutcome]

    /// Whether every word of every field landed in the right section kind.
    public var isCorrect: Bool { fields.allSatisfy(\.isCorrect) }
}

/// Word counts of one field across a variant.
public struct WordTally: Sendable, Hashable {
    /// Words scored.
    public internal(set) var words = 0
    /// Words in the right section kind.
    public internal(set) var correct = 0

    /// `correct / words`, `nil` without words.
    public var accuracy: Double? { words > 0 ? Double(correct) / Double(words) : nil }
}

/// Segmentation scores of one dictation variant.
public struct SegmentationVariantResult: Sendable, Hashable {
    /// The variant.
    public let variant: DictationVariant
    /// Reports scored.
    public internal(set) var reports = 0
    /// Reports with every word in the right section kind.
    public internal(set) var fullyCorrect = 0
    /// Words over all fields.
    public internal(set) var total = WordTally()
    /// Words per field.
    public internal(set) var perField: [ReportField: WordTally] = [:]
    /// The reports that were not fully correct.
    public internal(set) var failures: [SegmentationCase] = []

    /// Adds one report's outcome.
    mutating func add(_ outcome: SegmentationCase) {
        reports += 1
        if outcome.isCorrect { fullyCorrect += 1 } else { failures.append(outcome) }
        for field in outcome.fields {
            total.words += field.words
            total.correct += field.correctWords
            perField[field.field, default: WordTally()].words += field.words
            perField[field.field, default: WordTally()].correct += field.correctWords
        }
    }
}
