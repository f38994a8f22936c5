import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("TranscriptGuard")
struct TranscriptGuardTests {
    private let guardian = TranscriptGuard()

    @Test func returnsCleanDictationUnchanged() {
        let transcription = Dictation.transcription("Kein Nachweis eines Pneumothorax. Herz normal groß.")
        let result = guardian.apply(to: transcription, prompt: "Pneumothorax, Pleuraerguss, Infiltrat", language: .de)
        #expect(result.transcription == transcription)
        #expect(result.actions.isEmpty)
    }

    @Test func collapsesLoopedHallucinationAndThenRemovesIt() {
        let transcription = Dictation.transcription("Vielen Dank. Vielen Dank. Vielen Dank. Vielen Dank.")
        let result = guardian.apply(to: transcription, prompt: nil, language: .de)
        #expect(result.transcription.text.isEmpty)
        #expect(result.transcription.words.isEmpty)
        #expect(
            result.actions == [
                GuardAction(kind: .repetitionLoop, removedWordCount: 6), GuardAction(kind: .silenceHallucination, removedWordCount: 2),
            ]
        )
    }

    @Test func rebuildsTextFromRemainingWordsWithTheirTiming() {
        let words = Dictation.words("Kein Pleuraerguss. Danke.", start: 1.2, secondsPerWord: 0.5)
        let result = guardian.apply(to: Dictation.transcription(words), prompt: nil, language: .de)
        #expect(result.transcription.text == "Kein Pleuraerguss.")
        #expect(result.transcription.words == Array(words.prefix(2)))
        #expect(result.transcription.segments == [.speech])
        #expect(result.transcription.language == "de")
    }

    @Test func cleansTextOfEnginesThatGiveNoWords() {
        let transcription = Transcription(text: " Kein Pleuraerguss.  Vielen Dank.", words: [], segments: [])
        let result = guardian.apply(to: transcription, prompt: nil, language: .de)
        #expect(result.transcription.text == "Kein Pleuraerguss.")
        #expect(result.transcription.words.isEmpty)
        #expect(result.actions == [GuardAction(kind: .silenceHallucination, removedWordCount: 2)])
    }

    @Test func runsOnlyTheEnabledGuards() {
        let configuration = TranscriptGuardConfiguration(enabledGuards: [.noSpeech, .promptLeak])
        let transcription = Dictation.transcription("Kein Pleuraerguss. Danke.")
        let result = TranscriptGuard(configuration: configuration).apply(to: transcription, prompt: nil, language: .de)
        #expect(result.transcription == transcription)
        #expect(result.actions.isEmpty)
    }
}
