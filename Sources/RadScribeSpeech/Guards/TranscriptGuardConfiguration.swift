/// Tuning of ``TranscriptGuard``: which guards run and their thresholds. The defaults follow Whisper's own decoding
/// heuristics where it has one and suit dictated German and English radiology reports.
public struct TranscriptGuardConfiguration: Sendable, Hashable {
    /// The guards that run; all by default.
    public var enabledGuards: Set<GuardAction.Kind>
    /// A segment counts as silent when its no-speech probability exceeds this (Whisper's `no_speech_threshold`, 0.6)…
    public var noSpeechProbabilityThreshold: Double
    /// …and its mean token log probability lies below this (Whisper's `logprob_threshold`, -1.0).
    public var noSpeechLogProbabilityThreshold: Double
    /// The longest phrase, in words, that the repetition guard looks for (8).
    public var maximumLoopPhraseLength: Int
    /// Consecutive occurrences of a phrase of two or more words that make a loop (3).
    public var minimumPhraseLoopCount: Int
    /// Consecutive occurrences of a single word that make a loop (4); higher than for phrases, because dictation
    /// repeats a word twice on purpose ("links links") and short filler words three times by accident.
    public var minimumWordLoopCount: Int
    /// Above this gzip compression ratio of a segment, the engine itself judges its text repetitive (Whisper's
    /// `compression_ratio_threshold`, 2.4); the loop counts then drop by one.
    public var compressionRatioThreshold: Double
    /// The shortest run of prompt words, spanning at least two prompt terms, that counts as copied from the prompt (4).
    public var minimumPromptLeakLength: Int
    /// Seconds per word at which a run of prompt words sounds spoken (0.1–2.0 s): a run whose words are squeezed into
    /// less time, or spread over more, was not heard in the audio.
    public var spokenWordDuration: ClosedRange<Double>

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - enabledGuards: The guards that run.
    ///   - noSpeechProbabilityThreshold: The no-speech probability above which a segment may be silent.
    ///   - noSpeechLogProbabilityThreshold: The mean log probability below which such a segment is silent.
    ///   - maximumLoopPhraseLength: The longest repeated phrase looked for; at least 1.
    ///   - minimumPhraseLoopCount: Occurrences of a phrase that make a loop; at least 2.
    ///   - minimumWordLoopCount: Occurrences of a word that make a loop; at least 2.
    ///   - compressionRatioThreshold: The compression ratio above which loop counts drop by one.
    ///   - minimumPromptLeakLength: The shortest prompt run removed; at least 2.
    ///   - spokenWordDuration: Seconds per word of a spoken run of prompt words.
    public init(
        enabledGuards: Set<GuardAction.Kind> = Set(GuardAction.Kind.allCases),
        noSpeechProbabilityThreshold: Double = 0.6,
        noSpeechLogProbabilityThreshold: Double = -1.0,
        maximumLoopPhraseLength: Int = 8,
        minimumPhraseLoopCount: Int = 3,
        minimumWordLoopCount: Int = 4,
        compressionRatioThreshold: Double = 2.4,
        minimumPromptLeakLength: Int = 4,
        spokenWordDuration: ClosedRange<Double> = 0.1...2.0
    ) {
        precondition(maximumLoopPhraseLength >= 1, "maximumLoopPhraseLength must be at least 1")
        precondition(minimumPhraseLoopCount >= 2 && minimumWordLoopCount >= 2, "loop counts must be at least 2")
        precondition(minimumPromptLeakLength >= 2, "minimumPromptLeakLength must be at least 2")
        self.enabledGuards = enabledGuards
        self.noSpeechProbabilityThreshold = noSpeechProbabilityThreshold
        self.noSpeechLogProbabilityThreshold = noSpeechLogProbabilityThreshold
        self.maximumLoopPhraseLength = maximumLoopPhraseLength
        self.minimumPhraseLoopCount = minimumPhraseLoopCount
        self.minimumWordLoopCount = minimumWordLoopCount
        self.compressionRatioThreshold = compressionRatioThreshold
        self.minimumPromptLeakLength = minimumPromptLeakLength
        self.spokenWordDuration = spokenWordDuration
    }
}
