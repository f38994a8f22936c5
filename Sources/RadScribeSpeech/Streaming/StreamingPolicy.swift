/// How ``BatchStreamingRecognizer`` turns a batch engine into a streaming one.
public struct StreamingPolicy: Sendable, Hashable {
    /// Whether the growing utterance is re-decoded for partial results (off for file transcription).
    public var partialsEnabled: Bool
    /// How much new audio an utterance needs before it is decoded again for a partial.
    public var minimumPartialStep: Duration
    /// How long a silence must last before the final decode starts speculatively. Starting at the very first quiet
    /// frame wastes a decode at every comma-length pause inside a sentence, and an engine busy with a discarded decode
    /// delays the real final; a short wait avoids most of them.
    public var speculationDelay: Duration
    /// Audio kept before the detected speech start and sent with the utterance, so a soft first sound is not cut.
    public var preRoll: Duration
    /// The first wait before a failed final decode is tried again; it doubles up to ``maximumRetryDelay``.
    public var initialRetryDelay: Duration
    /// The longest wait between two tries of a final decode.
    public var maximumRetryDelay: Duration
    /// How long a final decode is retried before the utterance is reported lost.
    public var maximumRetryDuration: Duration

    /// Creates a policy.
    public init(
        partialsEnabled: Bool = true,
        minimumPartialStep: Duration = .milliseconds(400),
        speculationDelay: Duration = .milliseconds(100),
        preRoll: Duration = .milliseconds(200),
        initialRetryDelay: Duration = .milliseconds(250),
        maximumRetryDelay: Duration = .seconds(4),
        maximumRetryDuration: Duration = .seconds(300)
    ) {
        self.partialsEnabled = partialsEnabled
        self.minimumPartialStep = minimumPartialStep
        self.speculationDelay = speculationDelay
        self.preRoll = preRoll
        self.initialRetryDelay = initialRetryDelay
        self.maximumRetryDelay = maximumRetryDelay
        self.maximumRetryDuration = maximumRetryDuration
    }

    /// Samples at 16 kHz in a duration.
    static func sampleCount(_ duration: Duration) -> Int {
        Int(duration / .milliseconds(1)) * Endpointer.sampleRate / 1_000
    }
}
