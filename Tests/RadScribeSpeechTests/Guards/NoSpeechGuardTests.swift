import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("TranscriptGuard: no speech")
struct NoSpeechGuardTests {
    private let guardian = TranscriptGuard()

    @Test func emptiesOutputWhenEverySegmentIsSilence() {
        let transcription = Dictation.transcription("Untertitel im Auftrag des ZDF, 2017", segments: [.silence, .silence])
        let result = guardian.apply(to: transcription, prompt: nil, language: .de)
        #expect(result.transcription.text.isEmpty)
        #expect(result.transcription.words.isEmpty)
        #expect(result.actions == [GuardAction(kind: .noSpeech, removedWordCount: 6)])
    }

    @Test func keepsOutputWhenOneSegmentHoldsSpeech() {
        let transcription = Dictation.transcription("Keine Fraktur. Kein Gelenkerguss.", segments: [.silence, .speech])
        #expect(guardian.apply(to: transcription, prompt: nil, language: .de).actions.isEmpty)
    }

    @Test func keepsQuietButConfidentlyDecodedSpeech() {
        // Whisper's rule needs both: a soft-spoken "no pneumothorax" has a high no-speech probability but decodes confidently.
        let quiet = Transcription.SegmentStatistics(noSpeechProbability: 0.74, averageLogProbability: -0.41, compressionRatio: 1.1)
        let transcription = Dictation.transcription("No pneumothorax.", segments: [quiet])
        #expect(guardian.apply(to: transcription, prompt: nil, language: .en).actions.isEmpty)
    }

    @Test func keepsUncertainSpeechTheEngineHeard() {
        let mumbled = Transcription.SegmentStatistics(noSpeechProbability: 0.2, averageLogProbability: -1.4, compressionRatio: 1.2)
        let transcription = Dictation.transcription("Mittelständiges Mediastinum.", segments: [mumbled])
        #expect(guardian.apply(to: transcription, prompt: nil, language: .de).actions.isEmpty)
    }

    @Test func doesNothingWithoutStatistics() {
        let unknown = Transcription.SegmentStatistics(noSpeechProbability: nil, averageLogProbability: nil, compressionRatio: nil)
        for segments in [[], [unknown], [.silence, unknown]] {
            let transcription = Dictation.transcription("Status nach Cholezystektomie.", segments: segments)
            #expect(guardian.apply(to: transcription, prompt: nil, language: .de).actions.isEmpty)
        }
    }

    @Test func followsConfiguredThresholds() {
        let configuration = TranscriptGuardConfiguration(noSpeechProbabilityThreshold: 0.9)
        let transcription = Dictation.transcription("Thank you.", segments: [.silence])
        let result = TranscriptGuard(configuration: configuration).apply(to: transcription, prompt: nil, language: .en)
        #expect(result.actions == [GuardAction(kind: .silenceHallucination, removedWordCount: 2)])
    }
}
