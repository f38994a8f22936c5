import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Abbreviations in canonical case")
struct AbbreviationNormalizationTests {
    @Test(
        arguments: [
            ("mrt der lws", "MRT der LWS"), ("ct thorax mit km", "CT thorax mit KM"), ("röntgen der hws und bws", "Röntgen der HWS und BWS"),
            ("verdacht auf lae", "Verdacht auf LAE"), ("ekg getriggert", "EKG getriggert"), ("mr angiographie", "MR angiographie"),
            ("pet ct ganzkörper", "PET-CT ganzkörper"), ("pet mrt", "PET-MRT"), ("suv max", "SUV max"), ("acr typ b", "ACR typ b"),
            ("dwi adc flair", "DWI ADC FLAIR"), ("Mrt der Lws", "MRT der LWS"), ("bekannte ms", "Bekannte MS"),
        ]
    )
    func germanSpeechGetsCanonicalAbbreviations(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("mri lumbar spine", "MRI lumbar spine"), ("ct chest", "CT chest"), ("mr angiography", "MR angiography"),
            ("pet scan", "PET scan"), ("pet ct", "PET-CT"), ("pet mri", "PET-MRI"), ("ecg and ekg", "ECG and EKG"),
            ("pa and ap views", "PA and AP views"), ("copd", "COPD"),
        ]
    )
    func englishSpeechGetsCanonicalAbbreviations(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test func eachAbbreviationIsOneEditOverItsWords() throws {
        let result = DictationNormalizer().normalize("mrt der lws mit pet ct", language: .de)
        #expect(result.text == "MRT der LWS mit PET-CT")
        #expect(rules(of: result) == ["abbreviation", "abbreviation", "abbreviation"])
        let last = try #require(result.edits.last)
        #expect(last.sourceText == "pet ct")
        #expect(last.outputText == "PET-CT")
        #expect(last.source == TextSpan(start: 16, end: 22))
        expectTraceable(result, from: "mrt der lws mit pet ct")
    }

    @Test func anAbbreviationAtASentenceStartNeedsNoCapitalisationEdit() {
        let result = DictationNormalizer().normalize("mrt unauffällig. ct folgt.", language: .de)
        #expect(result.text == "MRT unauffällig. CT folgt.")
        #expect(rules(of: result) == ["abbreviation", "abbreviation"])
    }

    @Test(
        arguments: [
            ("MRT der LWS: CT-Befund, PET-CT, PET/CT, KM, EKG, 40 HE, 120 mmHg, T2, TH12, L4/5, BI-RADS 2.", Language.de),
            ("MRI and CT: PET-CT, ECG, 40 HU, MR angiography, PET scan, T1 and T2, L5/S1.", .en),
        ]
    )
    func typedCanonicalTextGetsNoEdit(text: String, language: Language) {
        let result = DictationNormalizer().normalize(text, language: language)
        #expect(result.text == text)
        #expect(result.edits.isEmpty)
    }

    @Test(arguments: ["Mr smith was seen.", "A pet owner.", "Let us see.", "Ms jones.", "The pe protocol.", "He said 5 he."])
    func ambiguousEnglishWordsStay(text: String) {
        #expect(normalizedText(text, .en) == text)
    }

    @Test func germanUnitsAfterANumberStayUnitsAndOthersBecomeAbbreviations() {
        #expect(normalizedText("nach 80 ml km. gehstrecke 5 km", .de) == "Nach 80 ml KM. Gehstrecke 5 km")
        #expect(normalizedText("tr 500 ms bei bekannter ms", .de) == "Tr 500 ms bei bekannter MS")
    }

    @Test func writtenUnitSymbolsAfterANumberGetTheirCanonicalCase() {
        let german = DictationNormalizer().normalize("dichte 40 he, druck 120 mmhg", language: .de)
        #expect(german.text == "Dichte 40 HE, druck 120 mmHg")
        #expect(rules(of: german) == ["capitalization", "unit", "unit"])
        #expect(normalizedText("density 40 hu", .en) == "Density 40 HU")
    }

    @Test func lowerCaseWrittenLevelsAndSequencesGetACapitalPrefix() {
        let result = DictationNormalizer().normalize("höhe l4/5, th12 und t2 flair", language: .de)
        #expect(result.text == "Höhe L4/5, Th12 und T2 FLAIR")
        #expect(rules(of: result) == ["capitalization", "spinal_level", "spinal_level", "spinal_level", "abbreviation"])
        #expect(normalizedText("TH12 l4/5", .de) == "TH12 L4/5")
    }
}
