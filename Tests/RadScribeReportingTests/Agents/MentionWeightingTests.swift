import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Mention weighting")
struct MentionWeightingTests {
    /// The factor of the first token that is exactly `word` in `text`, segmented as the pipeline does.
    private func factor(of word: String, in text: String, language: Language = .de) throws -> Double {
        let folded = FoldedText(text)
        let sections = SectionSegmenter().segment(text, language: language)
        let factors = MentionWeighting.factors(of: folded, sections: sections)
        let index = try #require(folded.tokens.indices.first { folded.token($0, is: word.lowercased()) }, "\(word) not in text")
        return factors[index]
    }

    @Test func wordsOfTheReportedExamCountFully() throws {
        let text = "MRT der LWS nativ.\nBefund: Bandscheibenvorfall L4/5."
        #expect(try factor(of: "MRT", in: text) == 1)
        #expect(try factor(of: "Bandscheibenvorfall", in: text) == 1)
    }

    @Test func theBodyOfAComparisonSectionRefersToAnotherExam() throws {
        let text = "Voraufnahmen: CT Thorax vom 03/2023.\nBefund: Lunge frei."
        #expect(try factor(of: "CT", in: text) == MentionWeighting.referenceFactor)
        #expect(try factor(of: "Lunge", in: text) == 1)
        let english = "COMPARISON: CT chest 2019.\nFINDINGS: Lungs are clear."
        #expect(try factor(of: "CT", in: english, language: .en) == MentionWeighting.referenceFactor)
    }

    @Test func aComparisonCueReachesToTheEndOfItsSentenceOnly() throws {
        let text = "The nodule is stable compared to the prior CT. The lungs are clear."
        #expect(try factor(of: "nodule", in: text, language: .en) == 1)
        #expect(try factor(of: "CT", in: text, language: .en) == MentionWeighting.referenceFactor)
        #expect(try factor(of: "lungs", in: text, language: .en) == 1)
    }

    @Test func aRecommendationCueCoversItsClause() throws {
        let text = "Rundherd rechts, ggf. Kontrolle mittels CT in sechs Monaten. Kein Erguss."
        #expect(try factor(of: "Rundherd", in: text) == 1)
        #expect(try factor(of: "CT", in: text) == MentionWeighting.referenceFactor)
        #expect(try factor(of: "Erguss", in: text) == 1)
        let english = "Nodule in the right upper lobe. Chest CT is recommended. The lungs are clear."
        #expect(try factor(of: "CT", in: english, language: .en) == MentionWeighting.referenceFactor)
        #expect(try factor(of: "lungs", in: english, language: .en) == 1)
        let headed = "Lunge frei. Empfehlung: MRT der LWS."
        #expect(try factor(of: "MRT", in: headed) == MentionWeighting.referenceFactor)
    }

    @Test func theRecommendationSectionRefersToAnotherExam() throws {
        let text = "Befund: Leberläsion 2 cm.\nEmpfehlung: MRT der Leber."
        #expect(try factor(of: "MRT", in: text) == MentionWeighting.referenceFactor)
    }

    @Test func theClinicalInformationCountsHalfButAnUntitledPreambleFully() throws {
        let text = "CT Thorax nativ.\nKlinische Angaben: Z. n. Mammakarzinom.\nBefund: Lunge frei."
        #expect(try factor(of: "CT", in: text) == 1)
        #expect(try factor(of: "Mammakarzinom", in: text) == MentionWeighting.historyFactor)
    }
}
