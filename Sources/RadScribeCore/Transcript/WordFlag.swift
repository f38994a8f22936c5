/// A warning attached to one word of a final segment: the radiologist should listen to the audio before signing.
///
/// A word is flagged when the engine was unsure of it *and* a mistake in it would change the report's meaning:
/// a side (left/right), a number or unit, a negation, or a word Whisper confuses with its opposite ("no"/"now").
public struct WordFlag: Sendable, Codable, Hashable {
    /// Why a mistake in this word matters.
    public enum Risk: String, Sendable, Codable, Hashable, CaseIterable {
        /// Left, right, bilateral and their German forms.
        case laterality
        /// A number, a spelled-out number or a unit of measurement.
        case measurement
        /// A negation or a word the engine confuses with one ("no"/"now", "kein"/"ein").
        case negation
    }

    /// The index of the word in the segment's `words`.
    public var wordIndex: Int
    /// The word's text.
    public var word: String
    /// Why the word is flagged.
    public var risk: Risk
    /// The engine's confidence in the word.
    public var confidence: Double

    /// Creates a flag.
    public init(wordIndex: Int, word: String, risk: Risk, confidence: Double) {
        self.wordIndex = wordIndex
        self.word = word
        self.risk = risk
        self.confidence = confidence
    }
}
