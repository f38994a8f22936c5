import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Sentence capitalisation")
struct CapitalizationTests {
    @Test(
        arguments: [
            ("keine fraktur.", "Keine fraktur."), ("keine fraktur. kein erguss.", "Keine fraktur. Kein erguss."),
            ("fraktur? kein erguss! lunge frei", "Fraktur? Kein erguss! Lunge frei"), ("befund:\nkeine fraktur", "Befund:\nKeine fraktur"),
            ("befund\n\nkeine fraktur", "Befund\n\nKeine fraktur"), ("keine fraktur punkt kein erguss", "Keine fraktur. Kein erguss"),
            ("ärztlicher befund", "Ärztlicher befund"), ("  keine fraktur", "  Keine fraktur"), ("(kein erguss)", "(Kein erguss)"),
        ]
    )
    func sentenceStartsAreCapitalised(text: String, written: String) {
        #expect(normalizedText(text, .de) == written)
    }

    @Test(
        arguments: [
            "Befund: keine Fraktur.", "Z. B. keine Fraktur.", "Z. n. Cholezystektomie.", "V. a. Pneumonie.", "Seit ca. einer Woche",
            "Vergleich mit Dr. med. Meier", "bzw. unverändert", "am 3. postoperativen Tag", "Ao. asc. erweitert", "Lunge frei\nkein Erguss",
        ]
    )
    func germanAbbreviationsOrdinalsAndPlainLineBreaksStartNoSentence(text: String) {
        #expect(normalizedText(text, .de).dropFirst() == text.dropFirst())
    }

    @Test(arguments: ["e.g. no fracture", "Seen by Dr. smith.", "Stable vs. improved.", "i.e. unchanged", "measures 3.5 cm"])
    func englishAbbreviationsStartNoSentence(text: String) {
        #expect(normalizedText(text, .en).dropFirst() == text.dropFirst())
    }

    @Test func nothingIsLowerCasedAndMixedCaseWordsKeepTheirSpelling() {
        #expect(normalizedText("CT Thorax. MRT unauffällig.", .de) == "CT Thorax. MRT unauffällig.")
        #expect(normalizedText("Normal. pH 7,4.", .de) == "Normal. pH 7,4.")
        #expect(normalizedText("Normal. eGFR reduced.", .en) == "Normal. eGFR reduced.")
    }

    @Test func aSpokenPeriodAlwaysEndsASentence() {
        #expect(normalizedText("Höhe L vier fünf Punkt keine Stenose", .de) == "Höhe L4/5. Keine Stenose")
        #expect(normalizedText("BI-RADS vier Punkt kein Befund", .de) == "BI-RADS 4. Kein Befund")
    }

    @Test func aSentenceStartsAfterASpokenLineBreakOrANavigationCommand() {
        #expect(normalizedText("Befund neue Zeile keine Fraktur", .de) == "Befund\nKeine Fraktur")
        #expect(normalizedText("lungs clear next field heart normal", .en) == "Lungs clear Heart normal")
    }

    @Test func aCapitalIsItsOwnEditOverTheFirstLetter() throws {
        let result = DictationNormalizer().normalize("keine fraktur. übrige lunge frei.", language: .de)
        #expect(result.text == "Keine fraktur. Übrige lunge frei.")
        #expect(rules(of: result) == ["capitalization", "capitalization"])
        let second = try #require(result.edits.last)
        #expect(second.sourceText == "ü")
        #expect(second.outputText == "Ü")
        #expect(second.source == TextSpan(start: 15, end: 16))
    }

    @Test func numbersAndSymbolsAtASentenceStartAreNotTouched() {
        #expect(normalizedText("drei Zentimeter große Zyste", .de) == "3 cm große Zyste")
        #expect(normalizedText("Befund. 3 Läsionen.", .de) == "Befund. 3 Läsionen.")
    }
}
