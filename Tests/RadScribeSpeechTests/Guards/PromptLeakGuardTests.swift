import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("TranscriptGuard: prompt leaks")
struct PromptLeakGuardTests {
    private let guardian = TranscriptGuard()
    private let prompt = "Pneumothorax, Pleuraerguss, Infiltrat, Atelektase, Kardiomegalie, pulmonalvenöse Stauung, Rippenfraktur"
    private let englishPrompt = "coronary artery bypass graft, left ventricle, pneumothorax, pleural effusion, atelectasis, consolidation"

    private func cleaned(_ words: [RecognizedWord], prompt: String?, language: Language = .de) -> GuardedTranscription {
        guardian.apply(to: Dictation.transcription(words), prompt: prompt, language: language)
    }

    @Test func emptiesOutputThatIsTheWholePrompt() {
        let result = cleaned(Dictation.words(prompt, secondsPerWord: 0.5), prompt: prompt)
        #expect(result.transcription.text.isEmpty)
        #expect(result.actions == [GuardAction(kind: .promptLeak, removedWordCount: 8)])
    }

    @Test func emptiesOutputThatIsThePromptsBeginningWhateverItsTiming() {
        let result = cleaned(Dictation.words("Pneumothorax, Pleuraerguss, Infiltrat, Atelektase.", secondsPerWord: 0.6), prompt: prompt)
        #expect(result.transcription.text.isEmpty)
        #expect(result.actions == [GuardAction(kind: .promptLeak, removedWordCount: 4)])
    }

    @Test func removesSqueezedRunBeforeRealDictation() {
        let leak = Dictation.words("Pleuraerguss, Infiltrat, Atelektase, Kardiomegalie.", secondsPerWord: 0.02)
        let speech = Dictation.words("Herz normal groß.", start: 0.6)
        let result = cleaned(leak + speech, prompt: prompt)
        #expect(result.transcription.words == speech)
        #expect(result.actions == [GuardAction(kind: .promptLeak, removedWordCount: 4)])
    }

    @Test func removesRunStretchedOverTrailingSilence() {
        let speech = Dictation.words("Keine Stauung.")
        let leak = Dictation.words("Atelektase, Kardiomegalie, pulmonalvenöse Stauung", start: 1.5, secondsPerWord: 4)
        let result = cleaned(speech + leak, prompt: prompt)
        #expect(result.transcription.text == "Keine Stauung.")
    }

    @Test func keepsSpokenListOfPromptTerms() {
        let words = Dictation.words("Kein Anhalt für Pneumothorax, Pleuraerguss, Infiltrat, Atelektase.", secondsPerWord: 0.45)
        #expect(cleaned(words, prompt: prompt).actions.isEmpty)
        let english = Dictation.words("No pneumothorax, pleural effusion, atelectasis or consolidation.", secondsPerWord: 0.35)
        #expect(cleaned(english, prompt: englishPrompt, language: .en).actions.isEmpty)
    }

    @Test func keepsRunWithinOnePromptTermWhateverItsTiming() {
        let words = Dictation.words("Status post coronary artery bypass graft.", secondsPerWord: 0.03)
        #expect(cleaned(words, prompt: englishPrompt, language: .en).actions.isEmpty)
    }

    @Test func keepsShortRunsAndShortPromptPrefixes() {
        #expect(cleaned(Dictation.words("Pneumothorax."), prompt: prompt).actions.isEmpty)
        let three = Dictation.words("Pleuraerguss, Infiltrat, Atelektase. Sonst unauffällig.", secondsPerWord: 0.02)
        #expect(cleaned(three, prompt: prompt).actions.isEmpty)
    }

    @Test func removesRunFromEngineWithoutWordTiming() {
        let transcription = Transcription(text: " Infiltrat, Atelektase, Kardiomegalie, pulmonalvenöse Stauung. Herz normal groß.", words: [])
        let result = guardian.apply(to: transcription, prompt: prompt, language: .de)
        #expect(result.transcription.text == "Herz normal groß.")
        #expect(result.actions == [GuardAction(kind: .promptLeak, removedWordCount: 5)])
    }

    @Test func doesNothingWithoutPrompt() {
        #expect(cleaned(Dictation.words(prompt, secondsPerWord: 0.01), prompt: nil).actions.isEmpty)
        #expect(cleaned(Dictation.words(prompt, secondsPerWord: 0.01), prompt: "").actions.isEmpty)
    }
}
