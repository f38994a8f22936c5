import RadScribeCore

/// A mention of a lexicon concept in a text.
public struct LexiconMatch: Sendable, Hashable {
    /// The concept mentioned.
    public let concept: LexiconConcept
    /// The mention's range in the text that was matched.
    public let range: Range<String.Index>
    /// The mention's span (UTF-16 offsets) in the text that was matched.
    public let span: TextSpan
    /// The words as they appear in the text.
    public let matchedText: String
}
