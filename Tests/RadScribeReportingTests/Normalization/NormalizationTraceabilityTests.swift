import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Edits and source spans")
struct NormalizationTraceabilityTests {
    // MARK: - Pass-through

    @Test(
        arguments: [
            ("Befund: Keine Fraktur. Bandscheibenprotrusion L4/5 mit 3,5 mm.", Language.de),
            ("Beurteilung:\nZyste 4 x 3 cm, Bosniak 1. BI-RADS 4. Z. n. Punktion (V. a. Abszess), ca. 40 HE; LWK 1 und L5/S1 unauffällig.", .de),
            ("Findings: No fracture. Disc protrusion at L4/5 measuring 3.5 mm.", .en),
            ("IMPRESSION:\n1. Nodule 8 mm, e.g. granuloma; T12/L1 stable. The sigmoid colon is normal. BI-RADS 2, 50% stenosis.", .en),
        ]
    )
    func typedTextPassesThroughWithoutEdits(text: String, language: Language) {
        let result = DictationNormalizer().normalize(text, language: language)
        #expect(result.text == text)
        #expect(result.edits.isEmpty)
        #expect(result.commands.isEmpty)
    }

    @Test(arguments: ["", "   ", "\n\n", " \t\n "])
    func emptyAndBlankTextPassThrough(text: String) {
        for language in Language.allCases {
            let result = DictationNormalizer().normalize(text, language: language)
            #expect(result == NormalizedDictation(text: text))
        }
    }

    // MARK: - UTF-16 offsets

    @Test func offsetsCountUTF16CodeUnits() throws {
        let spoken = "Größe 😀 drei Zentimeter"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        #expect(result.text == "Größe 😀 3 cm")
        let number = try #require(result.edits.first)
        #expect(number.source == TextSpan(start: 9, end: 13))
        #expect(number.output == TextSpan(start: 9, end: 10))
        expectTraceable(result, from: spoken)
    }

    // MARK: - Mapping back

    @Test func aSpanOverAnEditMapsToItsSpokenWords() throws {
        let spoken = "Zyste von drei Komma fünf Zentimeter rechts"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        let measurement = try #require(result.text.range(of: "3,5 cm"))
        let source = result.sourceSpan(for: TextSpan(measurement, in: result.text))
        #expect(source.substring(of: spoken) == "drei Komma fünf Zentimeter")
    }

    @Test func aSpanAfterEditsIsShiftedByWhatTheyChanged() throws {
        let spoken = "Zyste von drei Komma fünf Zentimeter rechts"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        let side = try #require(result.text.range(of: "rechts"))
        #expect(result.sourceSpan(for: TextSpan(side, in: result.text)).substring(of: spoken) == "rechts")
        let start = try #require(result.text.range(of: "Zyste"))
        #expect(result.sourceSpan(for: TextSpan(start, in: result.text)).substring(of: spoken) == "Zyste")
    }

    @Test func aBoundaryInsideAnEditWidensToTheWholeEdit() {
        let spoken = "drei Komma fünf Zentimeter"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        #expect(result.text == "3,5 cm")
        #expect(result.sourceSpan(for: TextSpan(start: 1, end: 2)) == TextSpan(start: 0, end: 15))
        #expect(result.sourceSpan(for: TextSpan(start: 2, end: 5)) == TextSpan(start: 0, end: 26))
    }

    @Test func aSpanNextToARemovalExcludesTheRemovedWords() throws {
        let spoken = "Lunge frei streiche das Herz normal"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        #expect(result.text == "Herz normal")
        let heart = TextSpan(start: 0, end: 4)
        #expect(result.sourceSpan(for: heart).substring(of: spoken) == "Herz")
        #expect(result.sourceSpan(for: TextSpan(start: 0, end: 0)) == TextSpan(start: 24, end: 24))
    }

    @Test func aSpanBeforeATrailingRemovalEndsBeforeIt() {
        let spoken = "Keine Fraktur Komma kein Erguss streiche das"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        #expect(result.text == "Keine Fraktur,")
        #expect(result.sourceSpan(for: TextSpan(start: 0, end: 14)).substring(of: spoken) == "Keine Fraktur Komma")
    }

    // MARK: - Properties over many dictations

    @Test func everyFixtureIsTraceable() {
        for (spoken, language) in Self.fixtures {
            let result = DictationNormalizer().normalize(spoken, language: language)
            expectTraceable(result, from: spoken)
            for edit in result.edits where edit.output.length > 0 {
                #expect(result.sourceSpan(for: edit.output) == edit.source, "\(spoken)")
            }
        }
    }

    @Test func randomDictationsAreTraceable() {
        var generator = SeededGenerator(seed: 0x5EED)
        for round in 0..<400 {
            let language: Language = round.isMultiple(of: 2) ? .de : .en
            let pool = language == .de ? Self.germanPool : Self.englishPool
            let count = Int.random(in: 0...24, using: &generator)
            let spoken = (0..<count).map { _ in pool.randomElement(using: &generator)! }.joined(separator: " ")
            let result = DictationNormalizer().normalize(spoken, language: language)
            expectTraceable(result, from: spoken)
            #expect(!result.text.contains("  ") || spoken.contains("  "), "\(spoken)")
        }
    }

    @Test func concurrentCallsGiveTheSameResultsAsSequentialOnes() async {
        let normalizer = DictationNormalizer()
        let expected = Self.fixtures.map { normalizer.normalize($0.0, language: $0.1) }
        let results = await withTaskGroup(of: (Int, NormalizedDictation).self) { group in
            for round in 0..<64 {
                let index = round % Self.fixtures.count
                let (spoken, language) = Self.fixtures[index]
                group.addTask { (index, normalizer.normalize(spoken, language: language)) }
            }
            var results: [(Int, NormalizedDictation)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 64)
        #expect(results.allSatisfy { expected[$0.0] == $0.1 })
    }

    @Test func commandsEncodeWithSnakeCaseKeys() throws {
        let command = DictationCommand(name: "next_field", source: TextSpan(start: 3, end: 13))
        let data = try ReportJSON.makeEncoder().encode(command)
        #expect(String(decoding: data, as: UTF8.self) == #"{"name":"next_field","source":{"end":13,"start":3}}"#)
        #expect(try ReportJSON.makeDecoder().decode(DictationCommand.self, from: data) == command)
    }

    private static let fixtures: [(String, Language)] = [
        ("befund doppelpunkt neue zeile keine fraktur punkt l vier fünf mit drei komma fünf millimeter punkt", .de),
        ("Keine Fraktur Komma kein Erguss streiche das streiche das Lunge frei nächstes Feld Herz normal", .de),
        ("vier mal drei mal zwei Zentimeter Klammer auf links Klammer zu Bindestrich", .de),
        ("L fünf S eins bi rads vier fünfzig Prozent dreißig Grad lösche das letzte Wort", .de),
        ("findings colon the sigmoid colon is unremarkable period twelve point five millimeters period", .en),
        ("scratch that four by three centimeters next section impression colon new line T twelve L one", .en),
        ("no fracture comma no effusion scratch that fifty percent delete last word open parenthesis", .en),
        ("Größe 😀 drei Zentimeter\n\nneuer Absatz keine Fraktur", .de),
        ("mrt der lws pet ct mit km Punkt th12 l vier fünf 40 he Punkt ekg", .de),
        ("mr angiography and mr smith pet scan pet ct period t2 flair 40 hu", .en),
    ]

    private static let germanPool = [
        "drei", "Komma", "fünf", "Zentimeter", "Punkt", "streiche das", "lösche das letzte Wort", "nächstes Feld", "neue Zeile", "L", "S",
        "eins", "vier", "mal", "Klammer auf", "Klammer zu", "Fraktur", "keine", "ein", "Prozent", "Grad", "BI-RADS", "\n", "Größe", "😀",
        "3,5", "12.5mm", "Bindestrich", "Doppelpunkt", "ca.", "z. B.", "dreiundzwanzig", "bis", "mrt", "MRT", "lws", "pet", "ct", "km",
        "he", "t2", "Th12",
    ]

    private static let englishPool = [
        "three", "point", "five", "centimeters", "period", "scratch that", "delete last word", "next field", "new line", "L", "S", "one",
        "four", "by", "open parenthesis", "close parenthesis", "fracture", "no", "a", "percent", "degrees", "bi rads", "\n", "colon",
        "sigmoid", "findings", "😀", "3.5", "8mm", "hyphen", "comma", "e.g.", "twenty-three", "to", "and a half", "mr", "pet", "ct",
        "scan", "mri", "hu", "l4",
    ]
}

/// A small deterministic generator (SplitMix64), so random tests reproduce.
private struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
