import RadScribeCore

/// The best current guess at an utterance that is still being spoken.
public struct PartialHypothesis: Sendable, Hashable {
    /// The utterance's position in the stream, from 0; its final carries the same index.
    public var utteranceIndex: Int
    /// Words two consecutive decodes agreed on (LocalAgreement-2); they will not change in later partials.
    public var committedWords: [RecognizedWord]
    /// Words of the latest decode after the committed prefix; they may still change.
    public var tentativeWords: [RecognizedWord]
    /// The whole hypothesis as text.
    public var text: String

    /// Creates a hypothesis.
    public init(utteranceIndex: Int, committedWords: [RecognizedWord], tentativeWords: [RecognizedWord], text: String) {
        self.utteranceIndex = utteranceIndex
        self.committedWords = committedWords
        self.tentativeWords = tentativeWords
        self.text = text
    }
}

/// The engine's final text for one utterance.
public struct UtteranceTranscript: Sendable, Hashable {
    /// The utterance's position in the stream, from 0.
    public var utteranceIndex: Int
    /// The text, after the hallucination guards; empty when nothing was said.
    public var text: String
    /// The words with session-relative timing.
    public var words: [RecognizedWord]
    /// Where the utterance starts, in seconds from the start of the stream.
    public var start: Double
    /// Where the speech ended (silence onset), in seconds from the start of the stream.
    public var end: Double
    /// How long the decode that produced this text took in the engine.
    public var decodeDuration: Duration
    /// What the hallucination guards removed, for metrics and logs (never the text itself).
    public var guardActions: [GuardAction]
    /// When the audio in which the speech ended arrived (the silence onset), for latency measurement; `nil` when unknown.
    public var speechEndedAt: ContinuousClock.Instant?
    /// When the decode that produced this text was sent to the engine; `nil` when unknown.
    public var decodeStartedAt: ContinuousClock.Instant?

    /// Creates a transcript.
    public init(
        utteranceIndex: Int,
        text: String,
        words: [RecognizedWord],
        start: Double,
        end: Double,
        decodeDuration: Duration,
        guardActions: [GuardAction] = [],
        speechEndedAt: ContinuousClock.Instant? = nil,
        decodeStartedAt: ContinuousClock.Instant? = nil
    ) {
        self.utteranceIndex = utteranceIndex
        self.text = text
        self.words = words
        self.start = start
        self.end = end
        self.decodeDuration = decodeDuration
        self.guardActions = guardActions
        self.speechEndedAt = speechEndedAt
        self.decodeStartedAt = decodeStartedAt
    }
}

/// What a recognition stream reports.
public enum RecognitionEvent: Sendable, Hashable {
    /// A new guess at the utterance being spoken.
    case partial(PartialHypothesis)
    /// The final text of an utterance.
    case final(UtteranceTranscript)
    /// The engine failed and the stream is retrying; no audio has been lost. Sent once per outage.
    case engineUnavailable(SpeechEngineError)
    /// The engine works again after an outage.
    case engineRecovered
    /// The engine refused an utterance, or stayed down longer than the retry limit: that utterance has no text.
    case utteranceLost(utteranceIndex: Int, SpeechEngineError)
}
