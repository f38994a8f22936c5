import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

/// One sentence, the concept to judge in it, and the expected assertion and cue.
struct AssertionCase: Sendable, CustomTestStringConvertible {
    var sentence: String
    var target: String
    var expected: Assertion
    /// The expected cue text; `nil` when the concept is present.
    var cue: String?

    init(_ sentence: String, _ target: String, _ expected: Assertion, cue: String? = nil) {
        self.sentence = sentence
        self.target = target
        self.expected = expected
        self.cue = cue
    }

    var testDescription: String { "\(target) in \"\(sentence)\"" }

    /// Runs the detector on the first occurrence of `target`.
    func run(_ language: Language) throws -> (Assertion, AssertionCue?) {
        let range = try #require(sentence.range(of: target), "target not in sentence")
        return AssertionDetector().assertion(of: range, in: sentence[...], language: language)
    }
}

/// A small bilingual lexicon written for the tests, in the format of `LexiconFile`.
enum TestLexicon {
    static let json = """
        {
          "version": "test-1",
          "concepts": [
            {"id": "pleural_effusion", "category": "finding", "de": ["Pleuraerguss", "Erguss", "Ergüsse"],
             "en": ["pleural effusion", "effusion"], "site": "pleura"},
            {"id": "pneumothorax", "category": "finding", "critical": true, "de": ["Pneumothorax", "Spannungspneumothorax"],
             "en": ["pneumothorax"], "exact_case": {"de": ["PTX"], "en": ["PTX"]}},
            {"id": "pneumonia", "category": "finding", "de": ["Pneumonie", "Infiltrat"], "en": ["pneumonia", "consolidation"]},
            {"id": "metastasis", "category": "finding", "de": ["Metastase"], "en": ["metastasis"]},
            {"id": "fracture", "category": "finding", "de": ["Fraktur"], "en": ["fracture"]},
            {"id": "nodule", "category": "finding", "de": ["Rundherd", "Knoten"], "en": ["nodule"]},
            {"id": "prostate_cancer", "category": "finding", "de": ["Prostatakarzinom"], "en": ["prostate cancer"], "site": "prostate"},
            {"id": "progression", "category": "descriptor", "change": true, "de": ["Progredienz", "Größenprogredienz"],
             "en": ["progression"]},
            {"id": "pleura", "category": "anatomy", "de": ["Pleura"], "en": ["pleura"]},
            {"id": "lung", "category": "anatomy", "de": ["Lunge", "Unterlappen"], "en": ["lung", "lower lobe"]},
            {"id": "kidney", "category": "anatomy", "de": ["Niere"], "en": ["kidney"]},
            {"id": "rib", "category": "anatomy", "de": ["Rippe"], "en": ["rib"]},
            {"id": "prostate", "category": "anatomy", "de": ["Prostata"], "en": ["prostate"]},
            {"id": "heart", "category": "anatomy", "de": ["Herz"], "en": ["heart"]},
            {"id": "chest_tube", "category": "device", "de": ["Thoraxdrainage"], "en": ["chest tube"]},
            {"id": "computed_tomography", "category": "modality", "de": ["CT"], "en": ["CT"]}
          ]
        }
        """

    static let lexicon: Lexicon = {
        do {
            return try Lexicon(jsonData: Data(json.utf8))
        } catch {
            fatalError("test lexicon: \(error)")
        }
    }()
}

extension TextSpan {
    /// The text of this span, for comparing spans with the words they should cover.
    func text(in string: String) -> String? {
        substring(of: string).map(String.init)
    }
}
