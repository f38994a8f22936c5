/// Tuning of ``Endpointer``; the defaults suit close-talking dictation microphones.
public struct EndpointerConfiguration: Sendable, Hashable {
    /// The analysis frame lengths ``Endpointer`` accepts.
    public enum FrameDuration: Int, Sendable, Hashable, CaseIterable {
        /// 20 ms, 320 samples at 16 kHz.
        case milliseconds20 = 20
        /// 30 ms, 480 samples at 16 kHz.
        case milliseconds30 = 30

        /// The number of 16 kHz samples in one frame.
        public var sampleCount: Int { rawValue * Endpointer.sampleRate / 1_000 }
    }

    /// The length of the frames handed to ``Endpointer/process(_:)``.
    public var frameDuration: FrameDuration
    /// Consecutive voiced frames needed before speech starts; shorter clicks are ignored.
    public var speechStartFrameCount: Int
    /// Trailing silence after which an utterance ends.
    public var utteranceEndSilence: Duration
    /// The longest utterance before it is cut, so a decode never waits on endless speech.
    public var maximumUtteranceDuration: Duration
    /// How far above the noise floor a frame's energy must be, in decibels, to count as voiced.
    public var speechThreshold: Float
    /// How far above the noise floor a frame must stay, in decibels, to keep an utterance going; lower than
    /// ``speechThreshold`` so that speech decaying towards the end of a word is not cut.
    public var continuationThreshold: Float
    /// The energy, in dBFS, a frame must exceed to count as voiced whatever the noise floor, so digital silence with
    /// faint dither never starts speech.
    public var minimumSpeechLevel: Float

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - frameDuration: The frame length; 20 ms by default.
    ///   - speechStartFrameCount: Voiced frames needed to start speech; at least 1.
    ///   - utteranceEndSilence: Trailing silence that ends an utterance; positive, 500 ms by default.
    ///   - maximumUtteranceDuration: The forced cut; longer than `utteranceEndSilence`, 30 s by default.
    ///   - speechThreshold: Decibels above the noise floor for a voiced frame.
    ///   - continuationThreshold: Decibels above the noise floor that keep speech going; at most `speechThreshold`.
    ///   - minimumSpeechLevel: The absolute level in dBFS below which no frame is voiced.
    public init(
        frameDuration: FrameDuration = .milliseconds20,
        speechStartFrameCount: Int = 3,
        utteranceEndSilence: Duration = .milliseconds(500),
        maximumUtteranceDuration: Duration = .seconds(30),
        speechThreshold: Float = 10,
        continuationThreshold: Float = 6,
        minimumSpeechLevel: Float = -55
    ) {
        precondition(speechStartFrameCount >= 1, "speechStartFrameCount must be at least 1")
        precondition(utteranceEndSilence > .zero, "utteranceEndSilence must be positive")
        precondition(maximumUtteranceDuration > utteranceEndSilence, "maximumUtteranceDuration must exceed utteranceEndSilence")
        precondition(continuationThreshold <= speechThreshold, "continuationThreshold must not exceed speechThreshold")
        self.frameDuration = frameDuration
        self.speechStartFrameCount = speechStartFrameCount
        self.utteranceEndSilence = utteranceEndSilence
        self.maximumUtteranceDuration = maximumUtteranceDuration
        self.speechThreshold = speechThreshold
        self.continuationThreshold = continuationThreshold
        self.minimumSpeechLevel = minimumSpeechLevel
    }
}

extension Duration {
    /// The number of whole 16 kHz samples in this duration.
    var speechSampleCount: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * Endpointer.sampleRate + Int(attoseconds / (1_000_000_000_000_000_000 / Int64(Endpointer.sampleRate)))
    }
}
