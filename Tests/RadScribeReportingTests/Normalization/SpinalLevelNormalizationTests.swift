import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Spinal levels")
struct SpinalLevelNormalizationTests {
    @Test(
        arguments: [
            ("L vier fünf", "L4/5"), ("L fünf S eins", "L5/S1"), ("L5 S1", "L5/S1"), ("C fünf sechs", "C5/6"), ("Th zwölf", "Th12"),
            ("Th zwölf L eins", "Th12/L1"), ("C sieben Th eins", "C7/Th1"), ("HWK sechs", "HWK 6"), ("LWK 1", "LWK 1"), ("l vier fünf", "L4/5"),
            ("L 4 5", "L4/5"), ("L vier", "L4"), ("Bandscheibenprotrusion L vier fünf", "Bandscheibenprotrusion L4/5"),
        ]
    )
    func germanLevelsAreWrittenCompactly(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("L four five", "L4/5"), ("L five S one", "L5/S1"), ("L5 S1", "L5/S1"), ("C five six", "C5/6"), ("T twelve", "T12"),
            ("T twelve L one", "T12/L1"), ("disc bulge at L four five", "Disc bulge at L4/5"), ("T one weighted images", "T1 weighted images"),
        ]
    )
    func englishLevelsAreWrittenCompactly(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test(arguments: ["L4/5", "L5/S1", "L4", "HWK6", "LWK 1", "L4 L5", "C7-Th1"])
    func writtenLevelsStay(text: String) {
        #expect(DictationNormalizer().normalize(text, language: .de).edits.isEmpty)
    }

    @Test func aNumberThatGoesOnAsAMeasurementIsNotPartOfTheLevel() {
        #expect(normalizedText("L vier fünf Millimeter", .de) == "L4 5 mm")
        #expect(normalizedText("Protrusion L vier fünf Komma fünf Millimeter", .de) == "Protrusion L4 5,5 mm")
    }

    @Test func numbersOutsideTheRegionAreNoLevel() {
        #expect(normalizedText("S zwölf", .de) == "S zwölf")
        #expect(normalizedText("C zwanzig", .de) == "C zwanzig")
        #expect(normalizedText("L vier sieben", .de) == "L4 sieben")
    }

    @Test func aLevelIsOneEditOverPrefixAndNumbers() throws {
        let result = DictationNormalizer().normalize("Höhe L fünf S eins", language: .de)
        let edit = try #require(result.edits.first)
        #expect(edit.rule == "spinal_level")
        #expect(edit.sourceText == "L fünf S eins")
        #expect(edit.outputText == "L5/S1")
        expectTraceable(result, from: "Höhe L fünf S eins")
    }
}
