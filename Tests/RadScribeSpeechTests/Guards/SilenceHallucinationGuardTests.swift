import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("TranscriptGuard: silence hallucinations")
struct SilenceHallucinationGuardTests {
    private let guardian = TranscriptGuard()

    private func cleaned(_ text: String, _ language: Language) -> GuardedTranscription {
        guardian.apply(to: Dictation.transcription(text), prompt: nil, language: language)
    }

    @Test(arguments: [
        ("Thank you.", Language.en), ("Thanks for watching!", .en), ("you", .en), ("Bye.", .en), ("Please subscribe.", .en),
        ("Subtitles by the Amara.org community", .en), ("www.mooji.org", .en), ("Vielen Dank.", .de), ("Danke.", .de),
        ("Tschüss!", .de), ("Bis zum nächsten Mal.", .de), ("Untertitel der Amara.org-Community", .de),
        ("Untertitel im Auftrag des ZDF, 2017", .de), ("Untertitel im Auftrag des ZDF, 2020", .de),
        ("Untertitelung des ZDF für funk, 2017", .de), ("Copyright WDR 2019", .de), ("THANK YOU", .de), ("Thank  you...", .de),
    ])
    func removesWholeUtterance(text: String, language: Language) {
        let result = cleaned(text, language)
        #expect(result.transcription.text.isEmpty)
        #expect(result.actions.map(\.kind) == [.silenceHallucination])
    }

    @Test func removesTrailingSentenceAfterRealDictation() {
        let result = cleaned("Kein Nachweis eines Pneumothorax. Danke.", .de)
        #expect(result.transcription.text == "Kein Nachweis eines Pneumothorax.")
        #expect(result.actions == [GuardAction(kind: .silenceHallucination, removedWordCount: 1)])
    }

    @Test func removesSeveralHallucinatedSentencesAtBothEnds() {
        let result = cleaned("Vielen Dank. Kein Pleuraerguss. Keine Stauung. Danke. Tschüss.", .de)
        #expect(result.transcription.text == "Kein Pleuraerguss. Keine Stauung.")
        #expect(result.actions == [GuardAction(kind: .silenceHallucination, removedWordCount: 4)])
    }

    @Test func removesLeadingSentenceBeforeRealDictation() {
        #expect(cleaned("Thank you. No acute cardiopulmonary process.", .en).transcription.text == "No acute cardiopulmonary process.")
    }

    @Test(arguments: [
        ("Kein Nachweis.", Language.de),
        ("Vielen Dank für die freundliche Zuweisung.", .de),
        ("Kein Erguss. Danke. Keine Fraktur.", .de),
        ("Befund mit Dr. Weber besprochen, danke.", .de),
        ("Measured by ultrasound.", .en),
        ("Findings discussed with the referring physician, thank you.", .en),
        ("Thank you for the referral.", .en),
        ("You can see a small effusion.", .en),
        ("Tschüss.", .en),
    ])
    func keepsLegitimateDictation(text: String, language: Language) {
        let result = cleaned(text, language)
        #expect(result.actions.isEmpty)
        #expect(result.transcription.text == " " + text)
    }
}
