import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("LocalAgreement")
struct LocalAgreementTests {
    private func words(_ text: String, confidence: Double = 0.9) -> [RecognizedWord] {
        Dictation.words(text, confidence: confidence)
    }

    @Test func commitsNothingFromTheFirstDecode() {
        var agreement = LocalAgreement()
        #expect(agreement.insert(words("Kein Nachweis")).isEmpty)
        #expect(agreement.committed.isEmpty)
        #expect(Dictation.texts(agreement.tentative) == ["Kein", "Nachweis"])
    }

    @Test func commitsTheCommonPrefixOfTwoDecodesAsTheLatestTimedIt() {
        var agreement = LocalAgreement()
        agreement.insert(words("Kein Nachweis ein"))
        let latest = Dictation.words("Kein Nachweis eines Pneumo", start: 0.1)
        let committed = agreement.insert(latest)
        #expect(committed == Array(latest.prefix(2)))
        #expect(agreement.committed == committed)
        #expect(Dictation.texts(agreement.tentative) == ["eines", "Pneumo"])
    }

    @Test func streamsAGrowingUtteranceWithoutEverChangingCommittedWords() {
        let decodes = [
            "Die Lunge",
            "Die Lunge ist bei",
            "Die Lunge ist beidseits belüftet",
            "Die Lunge ist beidseits belüftet, kein",
            "Die Lunge ist beidseits belüftet, kein Erguss.",
            "Die Lunge ist beidseits belüftet. Kein Erguss.",
        ]
        var agreement = LocalAgreement()
        let commits = decodes.map { Dictation.texts(agreement.insert(words($0))) }
        #expect(commits == [[], ["Die", "Lunge"], ["ist"], ["beidseits", "belüftet,"], ["kein"], ["Erguss."]])
        #expect(Dictation.texts(agreement.committed) == ["Die", "Lunge", "ist", "beidseits", "belüftet,", "kein", "Erguss."])
        #expect(agreement.tentative.isEmpty)
    }

    @Test func agreesAcrossCaseAndTrailingPunctuation() {
        var agreement = LocalAgreement()
        agreement.insert(words("Pneumothorax, links"))
        #expect(Dictation.texts(agreement.insert(words("pneumothorax. Links!"))) == ["pneumothorax.", "Links!"])
    }

    @Test func stopsAtTheFirstDisagreement() {
        var agreement = LocalAgreement()
        agreement.insert(words("No pneumothorax or effusion"))
        #expect(Dictation.texts(agreement.insert(words("Now pneumothorax or effusion"))).isEmpty)
        #expect(Dictation.texts(agreement.tentative) == ["Now", "pneumothorax", "or", "effusion"])
    }

    @Test func keepsCommittedWordsWhenALaterDecodeContradictsThem() {
        var agreement = LocalAgreement()
        agreement.insert(words("Kein Erguss rechts"))
        agreement.insert(words("Kein Erguss rechts basal"))
        #expect(agreement.insert(words("Ein Erguss rechts basal")).isEmpty)
        #expect(Dictation.texts(agreement.committed) == ["Kein", "Erguss", "rechts"])
        #expect(Dictation.texts(agreement.tentative) == ["basal"])
        // Two decodes that agree with each other commit past the committed words, aligned by word count.
        #expect(Dictation.texts(agreement.insert(words("Ein Erguss rechts basal"))) == ["basal"])
        #expect(Dictation.texts(agreement.committed) == ["Kein", "Erguss", "rechts", "basal"])
    }

    @Test func keepsCommittedWordsWhenADecodeIsShorterOrEmpty() {
        var agreement = LocalAgreement()
        agreement.insert(words("Herz normal groß"))
        agreement.insert(words("Herz normal groß"))
        #expect(agreement.insert([]).isEmpty)
        #expect(agreement.committed.count == 3)
        #expect(agreement.tentative.isEmpty)
        #expect(agreement.insert(words("Herz")).isEmpty)
        #expect(agreement.committed.count == 3)
    }

    @Test func resetStartsTheNextUtteranceFresh() {
        var agreement = LocalAgreement()
        agreement.insert(words("Keine Fraktur"))
        agreement.insert(words("Keine Fraktur"))
        agreement.reset()
        #expect(agreement.committed.isEmpty)
        #expect(agreement.tentative.isEmpty)
        #expect(agreement.insert(words("Keine Fraktur")).isEmpty)
    }
}
