import RadScribeCore

/// The LocalAgreement-2 policy for streaming a batch engine: a word is committed once two consecutive decodes of the
/// growing utterance agree on it and on every word before it.
///
/// Decodes are compared by folded text (case and surrounding punctuation ignored, see ``WordFolding``), so
/// "Pneumothorax," followed later by "Pneumothorax." still agrees. Committed words never change. A decode that
/// contradicts committed words leaves them as they are; its words after the first ``committed``.count become the
/// tentative remainder (aligned by word count), and later agreement commits from there on.
///
/// ```swift
/// var agreement = LocalAgreement()
/// agreement.insert(decode1)  // [] — nothing to compare with yet
/// agreement.insert(decode2)  // the words decode1 and decode2 start with alike
/// ```
public struct LocalAgreement: Sendable {
    /// The committed words, in order; each keeps the timing of the decode that committed it.
    public private(set) var committed: [RecognizedWord] = []
    /// The latest decode's words after the committed prefix; they may still change.
    public private(set) var tentative: [RecognizedWord] = []
    /// The latest decode, folded.
    private var previous: [String]?

    /// Creates an empty agreement.
    public init() {}

    /// Adds the next decode of the utterance and commits the words it shares with the previous one.
    ///
    /// - Parameter hypothesis: The decode's words, in clip-relative time.
    /// - Returns: The newly committed words (empty when the decodes agree on nothing new).
    @discardableResult
    public mutating func insert(_ hypothesis: [RecognizedWord]) -> [RecognizedWord] {
        let folded = hypothesis.map { WordFolding.fold($0.text) }
        defer { previous = folded }
        var newlyCommitted: [RecognizedWord] = []
        if let previous {
            let agreed = zip(previous, folded).prefix { $0 == $1 }.count
            if agreed > committed.count {
                newlyCommitted = Array(hypothesis[committed.count..<agreed])
                committed.append(contentsOf: newlyCommitted)
            }
        }
        tentative = Array(hypothesis.dropFirst(committed.count))
        return newlyCommitted
    }

    /// Forgets everything, for the next utterance.
    public mutating func reset() {
        self = LocalAgreement()
    }
}
