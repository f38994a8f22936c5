import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Writing style")
struct WritingStyleTests {
    private func isSpeechLike(_ text: String, _ language: Language) -> Bool {
        WritingStyle(text: FoldedText(text), language: language).isSpeechLike
    }

    @Test func takesGermanWithLowerCaseNounsForSpeech() {
        #expect(isSpeechLike("MRT der LWS klinische angaben lumboischialgie links. Befund in höhe L4/5 bandscheibenvorfall.", .de))
        #expect(isSpeechLike("Ct thorax mit km fragestellung lungenembolie befund keine füllungsdefekte", .de))
    }

    @Test func takesGermanWithCapitalisedNounsForTypedText() {
        #expect(!isSpeechLike("Klinische Angaben: Lumboischialgie links. Befund in Höhe L4/5 mediolinks betonter Bandscheibenvorfall.", .de))
        #expect(!isSpeechLike("MRT DER LWS. BEFUND IN HÖHE L4/5 MEDIOLINKS BETONTER BANDSCHEIBENVORFALL.", .de))
    }

    @Test func takesEnglishAsSpeechOnlyWhenItRunsOnWithoutSentenceMarks() {
        let spoken = "clinical information low back pain radiating to the left leg findings at L4/5 there is a disc bulge impression bulge"
        #expect(isSpeechLike(spoken, .en))
        #expect(!isSpeechLike("Indication: cough. The lungs are clear. There is no effusion. No pneumothorax. Impression: normal.", .en))
    }

    @Test func saysNothingAboutTooFewWords() {
        #expect(!isSpeechLike("befund frei", .de))
        #expect(!isSpeechLike("", .en))
    }
}
