/// One word a speech engine recognised, with its timing and the engine's confidence.
///
/// Times are seconds from the start of the dictation session's audio, so the words of every segment of a session share
/// one clock and a client can seek into the retained audio with them.
public struct RecognizedWord: Sendable, Codable, Hashable {
    /// The word as the engine wrote it, without surrounding white space (punctuation attached, as Whisper emits it).
    public var text: String
    /// Where the word starts, in seconds from the start of the session's audio.
    public var start: Double
    /// Where the word ends, in seconds from the start of the session's audio.
    public var end: Double
    /// The engine's confidence in the word, from 0 to 1.
    public var confidence: Double

    /// Creates a word.
    public init(text: String, start: Double, end: Double, confidence: Double) {
        self.text = text
        self.start = start
        self.end = end
        self.confidence = confidence
    }

    /// The same word moved by `offset` seconds (from clip time to session time).
    public func shifted(by offset: Double) -> RecognizedWord {
        RecognizedWord(text: text, start: start + offset, end: end + offset, confidence: confidence)
    }
}
