import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Spoken numbers")
struct SpokenNumberNormalizationTests {
    // MARK: - Whole numbers 0–9999

    @Test func germanNumberWordsFromZeroTo9999BecomeDigitsBeforeAUnit() {
        var failures: [String] = []
        for value in 0...9999 {
            let spoken = GermanNumberSpeller.spell(value, variant: value % 3) + " Millimeter"
            let written = normalizedText(spoken, .de)
            if written != "\(value) mm" { failures.append("\(spoken) → \(written)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test func englishNumberWordsFromZeroTo9999BecomeDigitsBeforeAUnit() {
        var failures: [String] = []
        for value in 0...9999 {
            let spoken = EnglishNumberSpeller.spell(value, variant: value % 4) + " millimeters"
            let written = normalizedText(spoken, .en)
            if written != "\(value) mm" { failures.append("\(spoken) → \(written)") }
        }
        #expect(failures.isEmpty, "\(failures.prefix(10))")
    }

    @Test(
        arguments: [
            ("dreiundzwanzig Millimeter", "23 mm"), ("zweihundertfünfzig Milliliter", "250 ml"), ("eintausendzweihundert Milliliter", "1200 ml"),
            ("tausendzweihundert Milliliter", "1200 ml"), ("ein Zentimeter", "1 cm"), ("eins Komma zwei Zentimeter", "1,2 cm"),
            ("zwo Zentimeter", "2 cm"), ("zwoundzwanzig Millimeter", "22 mm"), ("dreissig Grad", "30°"),
            ("zwei hundert fünfzig Milliliter", "250 ml"),
            ("hundertundfünf Milliliter", "105 ml"),
        ]
    )
    func germanCompoundsAndVariantsAreRead(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("twenty three millimeters", "23 mm"), ("twenty-three millimeters", "23 mm"), ("two hundred and fifty milliliters", "250 ml"),
            ("one thousand two hundred milliliters", "1200 ml"), ("one centimeter", "1 cm"),
        ]
    )
    func englishCompoundsAreRead(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    // MARK: - Decimals

    @Test(
        arguments: [
            ("drei Komma fünf Zentimeter", "3,5 cm"), ("null Komma null fünf Millimeter", "0,05 mm"),
            ("zwölf Komma fünfundzwanzig Millimeter", "12,25 mm"), ("3 Komma 5 cm", "3,5 cm"), ("drei Komma 5 cm", "3,5 cm"),
            ("dreieinhalb Zentimeter", "3,5 cm"), ("eineinhalb Zentimeter", "1,5 cm"), ("anderthalb Liter", "1,5 l"),
            ("Drei Komma Fünf Zentimeter", "3,5 cm"), ("DREI KOMMA FÜNF ZENTIMETER", "3,5 cm"),
        ]
    )
    func germanDecimalsUseADecimalComma(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("twelve point five millimeters", "12.5 mm"), ("zero point seven five centimeters", "0.75 cm"), ("3 point 5 cm", "3.5 cm"),
            ("two and a half centimeters", "2.5 cm"), ("Twelve Point Five Millimeters", "12.5 mm"),
        ]
    )
    func englishDecimalsUseADecimalPoint(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test func aSpokenDecimalIsAQuantityEvenWithoutUnit() {
        #expect(normalizedText("Wert von drei Komma fünf", .de) == "Wert von 3,5")
        #expect(normalizedText("a value of twelve point five", .en) == "A value of 12.5")
    }

    @Test func decomposedUmlautsAreReadLikeComposedOnes() {
        #expect(normalizedText("fu\u{308}nf Zentimeter", .de) == "5 cm")
        #expect(normalizedText("zwo\u{308}lf Millimeter", .de) == "12 mm")
    }

    // MARK: - Which number words stay words

    @Test(
        arguments: [
            "eine Läsion im Segment", "Kein Hinweis auf ein Aneurysma.", "Zwei Läsionen in der Leber.", "Verlaufskontrolle in sechs Monaten.",
            "Zustand nach einmal täglicher Gabe.", "zwei mal täglich",
        ]
    )
    func germanNumberWordsOutsideAQuantityStay(text: String) {
        let written = normalizedText(text, .de)
        #expect(written.dropFirst() == text.dropFirst())
    }

    @Test(
        arguments: [
            "One of the nodules is calcified.", "Two views of the chest.", "The nodules were removed one by one.", "one or two lesions",
            "a hundred and ten",
        ]
    )
    func englishNumberWordsOutsideAQuantityStay(text: String) {
        let written = normalizedText(text, .en)
        #expect(written.dropFirst() == text.dropFirst())
    }

    @Test(
        arguments: [
            ("Grad zwei", "Grad 2"), ("Bosniak zwei", "Bosniak 2"), ("Segment sieben", "Segment 7"), ("Endoleak Typ zwei", "Endoleak Typ 2"),
            ("ca. drei Läsionen", "Ca. 3 Läsionen"), ("Segment sieben acht", "Segment 7 8"),
        ]
    )
    func germanContextWordsMakeANumberAQuantity(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(arguments: [("grade one", "Grade 1"), ("level two", "Level 2"), ("Fazekas three", "Fazekas 3"), ("measuring twelve", "Measuring 12")])
    func englishContextWordsMakeANumberAQuantity(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test(arguments: ["3,5 cm", "12.5 mm", "am 12.03.2024", "1,200 ml", "Gruppe 2", "Läsion 1"])
    func writtenNumbersStayAsWritten(text: String) {
        let result = DictationNormalizer().normalize(text, language: .de)
        #expect(result.text.dropFirst() == text.dropFirst())
        #expect(result.edits.allSatisfy { $0.rule == "capitalization" })
    }

    @Test func numberEditsCoverTheSpokenWords() throws {
        let result = DictationNormalizer().normalize("drei Komma fünf Zentimeter", language: .de)
        let number = try #require(result.edits.first)
        #expect(number.rule == "number")
        #expect(number.sourceText == "drei Komma fünf")
        #expect(number.outputText == "3,5")
        #expect(rules(of: result) == ["number", "unit"])
    }
}

/// Spells German cardinals the way speech engines write them; `variant` picks between equivalent spellings.
private enum GermanNumberSpeller {
    private static let small = [
        "null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn",
        "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn",
    ]
    private static let tens = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]

    static func spell(_ value: Int, variant: Int) -> String {
        if value >= 1000 {
            let thousands = value / 1000
            let prefix = thousands == 1 ? (variant == 0 ? "" : "ein") : stem(thousands, variant: variant)
            return prefix + "tausend" + rest(value % 1000, variant: variant)
        }
        if value >= 100 {
            let hundreds = value / 100
            let prefix = hundreds == 1 ? (variant == 1 ? "" : "ein") : stem(hundreds, variant: variant)
            return prefix + "hundert" + rest(value % 100, variant: variant)
        }
        if value < 20 { return value == 2 && variant == 2 ? "zwo" : small[value] }
        let unit = value % 10
        return unit == 0 ? tens[value / 10] : stem(unit, variant: variant) + "und" + tens[value / 10]
    }

    private static func rest(_ value: Int, variant: Int) -> String {
        value == 0 ? "" : spell(value, variant: variant)
    }

    private static func stem(_ value: Int, variant: Int) -> String {
        switch value {
        case 1: "ein"
        case 2 where variant == 2: "zwo"
        default: spell(value, variant: variant)
        }
    }
}

/// Spells English cardinals; `variant` picks hyphens or spaces and "and" after hundreds.
private enum EnglishNumberSpeller {
    private static let small = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ]
    private static let tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

    static func spell(_ value: Int, variant: Int) -> String {
        if value >= 1000 { return spell(value / 1000, variant: variant) + " thousand" + rest(value % 1000, variant: variant) }
        if value >= 100 {
            let joiner = variant >= 2 && value % 100 != 0 ? " and" : ""
            return small[value / 100] + " hundred" + joiner + rest(value % 100, variant: variant)
        }
        if value < 20 { return small[value] }
        let unit = value % 10
        return unit == 0 ? tens[value / 10] : tens[value / 10] + (variant % 2 == 0 ? " " : "-") + small[unit]
    }

    private static func rest(_ value: Int, variant: Int) -> String {
        value == 0 ? "" : " " + spell(value, variant: variant)
    }
}
