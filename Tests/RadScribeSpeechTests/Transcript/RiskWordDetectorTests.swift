import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("RiskWordDetector")
struct RiskWordDetectorTests {
    private let detector = RiskWordDetector()

    /// Words of `text` with the given confidences, in order.
    private func words(_ text: String, _ confidences: [Double]) -> [RecognizedWord] {
        zip(Dictation.words(text), confidences).map { word, confidence in
            RecognizedWord(text: word.text, start: word.start, end: word.end, confidence: confidence)
        }
    }

    @Test func flagsOnlyUncertainHighRiskWords() {
        let dictation = words("Kein Pleuraerguss links, Rundherd rechts 23 mm.", [0.41, 0.3, 0.52, 0.2, 0.95, 0.58, 0.35])
        #expect(
            detector.flags(for: dictation, language: .de) == [
                WordFlag(wordIndex: 0, word: "Kein", risk: .negation, confidence: 0.41),
                WordFlag(wordIndex: 2, word: "links,", risk: .laterality, confidence: 0.52),
                WordFlag(wordIndex: 5, word: "23", risk: .measurement, confidence: 0.58),
                WordFlag(wordIndex: 6, word: "mm.", risk: .measurement, confidence: 0.35),
            ]
        )
    }

    @Test func flagsBelowTheThresholdOnly() {
        let dictation = words("no now know", [0.6, 0.59, 0.61])
        #expect(detector.flags(for: dictation, language: .en).map(\.wordIndex) == [1])
        let strict = RiskWordDetector(confidenceThreshold: 0.9)
        #expect(strict.flags(for: dictation, language: .en).map(\.wordIndex) == [0, 1, 2])
    }

    @Test(arguments: [
        "links", "Rechts", "beidseits", "beidseitig", "beidseitigen", "linksseitig", "rechtsseitiger", "linke", "rechten", "bds.",
        "li.", "Rechtsherzbelastung", "linksbetont", "kontralateral", "ipsilaterale", "bilateral",
    ])
    func recognisesGermanSides(word: String) {
        #expect(RiskWordDetector.risk(of: word, language: .de) == .laterality)
    }

    @Test(arguments: ["left", "Right,", "bilateral", "bilaterally", "left-sided", "right-sided", "contralateral", "both"])
    func recognisesEnglishSides(word: String) {
        #expect(RiskWordDetector.risk(of: word, language: .en) == .laterality)
    }

    @Test(arguments: [
        "23", "4,5", "L4/5", "C7.", "2x3", "½", "mm", "cm,", "ml", "Millimeter", "Zentimetern", "Prozent", "fünf", "zwölf",
        "dreiundzwanzig", "einundzwanzig", "zweihundertfünfzig", "siebzehn", "eineinhalb", "anderthalb", "null", "eins",
    ])
    func recognisesGermanMeasurements(word: String) {
        #expect(RiskWordDetector.risk(of: word, language: .de) == .measurement)
    }

    @Test(arguments: ["seven", "Twenty-three", "hundred", "half", "millimeters", "centimetre", "cc", "HU", "3.2", "10%"])
    func recognisesEnglishMeasurements(word: String) {
        #expect(RiskWordDetector.risk(of: word, language: .en) == .measurement)
    }

    @Test(arguments: ["kein", "Keine", "keiner", "keinen", "nicht", "ohne", "ein", "eine", "einen", "nein", "weder", "negativ"])
    func recognisesGermanNegationsAndLookAlikes(word: String) {
        #expect(RiskWordDetector.risk(of: word, language: .de) == .negation)
    }

    @Test(arguments: ["no", "No.", "not", "without", "now", "know", "none", "neither", "nor", "never", "isn't", "doesn’t", "absent"])
    func recognisesEnglishNegationsAndLookAlikes(word: String) {
        #expect(RiskWordDetector.risk(of: word, language: .en) == .negation)
    }

    @Test(arguments: [
        ("Pleuraerguss", Language.de), ("und", .de), ("Zweifel", .de), ("Achtung", .de), ("Einheit", .de), ("rechteckig", .de),
        ("Lunge", .de), ("Undicht", .de), ("–", .de), ("the", .en), ("by", .en), ("on", .en), ("effusion", .en), ("often", .en),
        ("kein", .en), ("left", .de),
    ])
    func ignoresOrdinaryWords(word: String, language: Language) {
        #expect(RiskWordDetector.risk(of: word, language: language) == nil)
    }
}
