import Foundation

/// One finalised utterance of a dictation session: the text as the engine heard it, the normalised text, and the
/// evidence a radiologist needs to trust it (words with timing and confidence, flags on risky words, medical terms).
///
/// A final segment is stored before it is sent, and it never changes afterwards; a client that reconnects receives
/// the same segment, with the same `index`, again.
public struct TranscriptSegment: Sendable, Codable, Hashable {
    /// The session the segment belongs to.
    public var sessionId: UUID
    /// The segment's position in its session, from 0. Partial updates for an utterance carry the index its final will have.
    public var index: Int
    /// The dictation language the segment was recognised in.
    public var language: Language
    /// The text after dictation normalisation (numbers, units, dictation commands).
    public var text: String
    /// The text as the engine produced it, after the hallucination guards.
    public var rawText: String
    /// The recognised words with session-relative timing and confidence.
    public var words: [RecognizedWord]
    /// Words that are both uncertain and high-risk.
    public var flags: [WordFlag]
    /// Preferred terms of the medical concepts found in `text`, in order of appearance.
    public var medicalTerms: [String]
    /// The mean word confidence (0 when the segment has no words).
    public var confidence: Double
    /// Where the utterance starts, in seconds from the start of the session's audio.
    public var start: Double
    /// Where the utterance ends, in seconds from the start of the session's audio.
    public var end: Double
    /// When the segment was finalised.
    public var createdAt: Date

    /// Creates a segment.
    public init(
        sessionId: UUID,
        index: Int,
        language: Language,
        text: String,
        rawText: String,
        words: [RecognizedWord],
        flags: [WordFlag],
        medicalTerms: [String],
        confidence: Double,
        start: Double,
        end: Double,
        createdAt: Date
    ) {
        self.sessionId = sessionId
        self.index = index
        self.language = language
        self.text = text
        self.rawText = rawText
        self.words = words
        self.flags = flags
        self.medicalTerms = medicalTerms
        self.confidence = confidence
        self.start = start
        self.end = end
        self.createdAt = createdAt
    }
}
