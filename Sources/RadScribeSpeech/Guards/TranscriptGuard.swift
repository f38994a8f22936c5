import RadScribeCore

/// Removes text that Whisper is known to invent rather than hear: output on silence, phrases it hallucinates on
/// silence or noise, repetition loops and words copied from its vocabulary prompt.
///
/// The guards run in a fixed order: no-speech first (it empties the result), then repetition loops (so a looped
/// hallucination collapses before it is recognised), prompt leaks and silence hallucinations. Each is switched and
/// tuned in ``TranscriptGuardConfiguration``. The guard is pure and cheap enough to run on every partial decode.
public struct TranscriptGuard: Sendable {
    /// The guards that run and their thresholds.
    public var configuration: TranscriptGuardConfiguration

    /// Creates a guard.
    public init(configuration: TranscriptGuardConfiguration = TranscriptGuardConfiguration()) {
        self.configuration = configuration
    }

    /// Cleans one engine output.
    ///
    /// - Parameters:
    ///   - transcription: What the engine returned for one clip.
    ///   - prompt: The vocabulary prompt the engine was given, if any (see ``VocabularyPrompt``).
    ///   - language: The dictation language, which selects the silence hallucinations to look for.
    /// - Returns: The cleaned transcription and one action per guard that removed words.
    public func apply(to transcription: Transcription, prompt: String?, language: Language) -> GuardedTranscription {
        let enabled = configuration.enabledGuards
        var words = GuardedWords(transcription)
        var actions: [GuardAction] = []
        func record(_ kind: GuardAction.Kind, removed: Int) {
            if removed > 0 { actions.append(GuardAction(kind: kind, removedWordCount: removed)) }
        }
        if enabled.contains(.noSpeech), isSilent(transcription.segments) {
            record(.noSpeech, removed: words.count)
            words.remove([0..<words.count])
        }
        if enabled.contains(.repetitionLoop) {
            let repetitive = transcription.segments.contains { ($0.compressionRatio ?? 0) > configuration.compressionRatioThreshold }
            record(.repetitionLoop, removed: RepetitionLoopGuard(configuration: configuration, repetitive: repetitive).apply(to: &words))
        }
        if enabled.contains(.promptLeak), let prompt, words.count >= configuration.minimumPromptLeakLength {
            record(.promptLeak, removed: PromptLeakGuard(prompt: prompt, configuration: configuration).apply(to: &words))
        }
        if enabled.contains(.silenceHallucination) {
            record(.silenceHallucination, removed: SilenceHallucinationGuard.apply(to: &words, language: language))
        }
        guard !actions.isEmpty else { return GuardedTranscription(transcription: transcription, actions: []) }
        var cleaned = transcription
        cleaned.text = words.text
        cleaned.words = words.hasTiming ? words.words : []
        return GuardedTranscription(transcription: cleaned, actions: actions)
    }

    /// Whisper's own rule for skipping a segment, applied to the whole clip: every segment is probably silence and
    /// was decoded with low confidence. Engines without these statistics never trigger it.
    private func isSilent(_ segments: [Transcription.SegmentStatistics]) -> Bool {
        !segments.isEmpty
            && segments.allSatisfy { segment in
                guard let noSpeech = segment.noSpeechProbability, let logProbability = segment.averageLogProbability else { return false }
                return noSpeech > configuration.noSpeechProbabilityThreshold && logProbability < configuration.noSpeechLogProbabilityThreshold
            }
    }
}
