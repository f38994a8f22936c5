import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Units, dimensions and scores")
struct MeasurementNormalizationTests {
    // MARK: - Units

    @Test(
        arguments: [
            ("zwölf Zentimeter", "12 cm"), ("zwölf Zentimetern", "12 cm"), ("zwölf Millimeter", "12 mm"), ("zwei Meter", "2 m"),
            ("zwölf Milliliter", "12 ml"), ("zwei Liter", "2 l"), ("fünfzig Prozent", "50 %"), ("vierzig Hounsfield-Einheiten", "40 HE"),
            ("vierzig Hounsfield Einheiten", "40 HE"), ("vierzig Hounsfield", "40 HE"), ("dreißig Grad", "30°"), ("fünf Milligramm", "5 mg"),
            ("fünf Gramm", "5 g"), ("drei Quadratzentimeter", "3 cm²"),
        ]
    )
    func germanUnitsBecomeSymbols(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("twelve centimeters", "12 cm"), ("twelve centimetres", "12 cm"), ("one centimeter", "1 cm"), ("twelve millimeters", "12 mm"),
            ("twelve millimetres", "12 mm"), ("twelve milliliters", "12 ml"), ("twelve cubic centimeters", "12 cc"), ("fifty percent", "50%"),
            ("fifty per cent", "50%"), ("forty hounsfield units", "40 HU"), ("thirty degrees", "30°"), ("five milligrams", "5 mg"),
            ("five grams", "5 g"), ("two liters", "2 l"),
        ]
    )
    func englishUnitsBecomeSymbols(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test(arguments: [("3,5 Zentimeter", "3,5 cm"), ("12.5mm", "12.5 mm"), ("5ml", "5 ml"), ("3,5cm.", "3,5 cm.")])
    func spokenUnitsAfterWrittenNumbersAndGluedSymbolsAreWrittenApart(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(arguments: ["50%", "50 %", "30°", "3 cm", "12 mmHg", "T2w", "3D-Rekonstruktion"])
    func writtenUnitsStayAsWritten(text: String) {
        #expect(DictationNormalizer().normalize(text, language: .de).edits.isEmpty)
    }

    @Test func aSpokenMinusBecomesTheSignOfAQuantity() {
        #expect(normalizedText("Dichte minus zehn Hounsfield-Einheiten", .de) == "Dichte -10 HE")
        #expect(normalizedText("density of minus twenty hounsfield units", .en) == "Density of -20 HU")
        #expect(normalizedText("Fett mit minus 80 HE", .de) == "Fett mit -80 HE")
        #expect(normalizedText("Befund minus Artefakt", .de) == "Befund minus Artefakt")
        #expect(normalizedText("minus zwei Läsionen", .de) == "Minus zwei Läsionen")
    }

    @Test func unitWordsWithoutANumberStay() {
        #expect(normalizedText("Wenige Millimeter große Zyste.", .de) == "Wenige Millimeter große Zyste.")
        #expect(normalizedText("Measured in centimeters.", .en) == "Measured in centimeters.")
    }

    @Test func aUnitSpacingEditCoversOnlyTheSymbol() throws {
        let result = DictationNormalizer().normalize("Nodule 8mm", language: .en)
        let edit = try #require(result.edits.first)
        #expect(result.text == "Nodule 8 mm")
        #expect(edit.rule == "unit")
        #expect(edit.sourceText == "mm")
        #expect(edit.outputText == " mm")
    }

    // MARK: - Dimensions and ranges

    @Test(
        arguments: [
            ("vier mal drei Zentimeter", "4 x 3 cm"), ("4 mal 3 cm", "4 x 3 cm"), ("vier mal drei mal zwei Zentimeter", "4 x 3 x 2 cm"),
            ("zwei Komma fünf mal drei Komma eins Zentimeter", "2,5 x 3,1 cm"), ("vier x drei Zentimeter", "4 x 3 cm"),
            ("vier Zentimeter mal drei Zentimeter", "4 cm x 3 cm"), ("ein mal drei Zentimeter", "1 x 3 cm"),
        ]
    )
    func germanDimensionsAreWrittenWithX(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("4 by 3 centimeters", "4 x 3 cm"), ("four by three centimeters", "4 x 3 cm"), ("four by three by two centimeters", "4 x 3 x 2 cm"),
            ("one by one centimeter", "1 x 1 cm"), ("four by three", "4 x 3"),
        ]
    )
    func englishDimensionsAreWrittenWithX(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test(arguments: ["4 x 3 cm", "4 × 3 cm", "4x3 cm"])
    func writtenDimensionsStay(text: String) {
        #expect(DictationNormalizer().normalize(text, language: .de).edits.isEmpty)
    }

    @Test func rangesShareTheirUnit() {
        #expect(normalizedText("zwei bis drei Millimeter", .de) == "2 bis 3 mm")
        #expect(normalizedText("ein bis zwei Zentimeter", .de) == "1 bis 2 cm")
        #expect(normalizedText("increased from two to three centimeters", .en) == "Increased from 2 to 3 cm")
        #expect(normalizedText("zwei bis drei Läsionen", .de) == "Zwei bis drei Läsionen")
    }

    @Test func dimensionEditsAreSeparateFromNumberEdits() {
        let result = DictationNormalizer().normalize("vier mal drei Zentimeter", language: .de)
        #expect(rules(of: result) == ["number", "dimension", "number", "unit"])
        #expect(result.edits.map(\.sourceText) == ["vier", "mal", "drei", "Zentimeter"])
    }

    // MARK: - Scores

    @Test(
        arguments: [
            ("BI-RADS vier", "BI-RADS 4"), ("bi rads vier", "BI-RADS 4"), ("Birads null", "BI-RADS 0"), ("PI-RADS fünf", "PI-RADS 5"),
            ("ti rads drei", "TI-RADS 3"), ("ACR b", "ACR b"), ("ACR Typ B", "ACR Typ B"), ("BI-RADS 4", "BI-RADS 4"),
        ]
    )
    func germanScoresAreWrittenWithTheirCanonicalName(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(arguments: [("bi rads four", "BI-RADS 4"), ("bi-rads one", "BI-RADS 1"), ("lung rads two", "Lung-RADS 2"), ("ACR b", "ACR b")])
    func englishScoresAreWrittenWithTheirCanonicalName(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }
}
