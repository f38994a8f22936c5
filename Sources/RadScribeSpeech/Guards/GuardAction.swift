/// One thing the hallucination guards removed from an engine's output.
///
/// Recorded for metrics and logs; it names the rule and how much it removed, never the text.
public struct GuardAction: Sendable, Hashable {
    /// Which guard acted.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The engine's own statistics say the clip holds no speech (high no-speech probability, low log probability).
        case noSpeech = "no_speech"
        /// A phrase Whisper is known to invent on silence ("Thank you.", "Vielen Dank.", subtitle credits).
        case silenceHallucination = "silence_hallucination"
        /// A word or phrase repeated in a loop.
        case repetitionLoop = "repetition_loop"
        /// Text copied from the vocabulary prompt rather than heard.
        case promptLeak = "prompt_leak"
    }

    /// Which guard acted.
    public var kind: Kind
    /// How many words it removed.
    public var removedWordCount: Int

    /// Creates an action.
    public init(kind: Kind, removedWordCount: Int) {
        self.kind = kind
        self.removedWordCount = removedWordCount
    }
}
