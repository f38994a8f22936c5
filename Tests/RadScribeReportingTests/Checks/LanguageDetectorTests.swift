import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct LanguageDetectorTests {
    let detector = LanguageDetector()

    @Test(arguments: [
        "kein pneumothorax",
        "pleuraerguss links",
        "leber unauffaellig",
        "nieren beidseits regelrecht",
        "keine freie fluessigkeit im abdomen",
        "befund lunge beidseits belueftet kein infiltrat kein erguss beurteilung kein nachweis einer pneumonie",
        "herz normal gross",
    ])
    func detectsGermanInShortLowerCaseDictation(_ text: String) {
        #expect(detector.detect(text) == .de)
    }

    @Test(arguments: [
        "no pneumothorax",
        "small left pleural effusion",
        "liver unremarkable",
        "kidneys are normal in size bilaterally",
        "findings the lungs are clear no focal consolidation impression no acute cardiopulmonary process",
        "mild degenerative changes",
    ])
    func detectsEnglishInShortLowerCaseDictation(_ text: String) {
        #expect(detector.detect(text) == .en)
    }

    @Test func detectsGermanInTypedReportWithUmlautsAndCapitals() {
        let text = """
            Klinische Angaben: Schmerzen im rechten Unterbauch.
            Befund: Die Leber ist normal groß und homogen. Gallenblase zartwandig, keine Konkremente. \
            Milz und Pankreas unauffällig. Nieren beidseits ohne Harnaufstau.
            Beurteilung: Unauffälliger Abdomenbefund.
            """
        #expect(detector.detect(text) == .de)
    }

    @Test func detectsEnglishInTypedReport() {
        let text = """
            CLINICAL INFORMATION: Right lower quadrant pain.
            FINDINGS: The liver is normal in size and echotexture. The gallbladder is unremarkable without stones. \
            The spleen and pancreas are unremarkable. No hydronephrosis.
            IMPRESSION: Normal abdominal ultrasound.
            """
        #expect(detector.detect(text) == .en)
    }

    @Test func detectsGermanFromUmlautsAlone() {
        #expect(detector.detect("Schädelprellung") == .de)
    }

    @Test func readsUpperCaseDictationLikeLowerCase() {
        #expect(detector.detect("KEIN NACHWEIS EINER FRAKTUR") == .de)
        #expect(detector.detect("NO EVIDENCE OF FRACTURE") == .en)
    }

    @Test func germanReportWithEnglishLoanWordsStaysGerman() {
        let text = "Z. n. Mastektomie links. Im Follow-up kein Nachweis eines Lokalrezidivs, Staging ohne Metastasen."
        #expect(detector.detect(text) == .de)
    }

    @Test func englishReportWithGermanEponymsStaysEnglish() {
        let text = "Status post Whipple procedure. No evidence of recurrence at the anastomosis, Virchow node not enlarged."
        #expect(detector.detect(text) == .en)
    }

    @Test func mixedTextFollowsTheMajorityLanguage() {
        let mostlyGerman = "Befund: kein Pleuraerguss, kein Pneumothorax, Herz nicht vergrößert. Impression: normal."
        let mostlyEnglish = "Befund: the lungs are clear without effusion, and the heart is not enlarged."
        #expect(detector.detect(mostlyGerman) == .de)
        #expect(detector.detect(mostlyEnglish) == .en)
    }

    @Test(arguments: ["", "   \n\t", "L4/5 12 mm", "3,5 x 2,1 cm", "12.03.2024", "CT", "MRT LWS", "Thorax pa", "-- // ..."])
    func returnsNilWithoutEvidence(_ text: String) {
        #expect(detector.detect(text) == nil)
    }

    @Test func ignoresTokensWithDigits() {
        #expect(detector.detect("T2 T1 L5 S1 C7") == nil)
    }

    @Test func readsOnlyABoundedPrefix() {
        let german = String(repeating: "kein Erguss und kein Infiltrat ", count: 30)
        let english = String(repeating: "the lungs are clear and there is no effusion ", count: 60)
        #expect(detector.detect(german + english) == .de)
    }

    @Test func dashesAndQuotesSeparateWords() {
        #expect(detector.detect("Befund–kein–Erguss") == .de)
        #expect(detector.detect("“no” effusion") == .en)
    }
}
