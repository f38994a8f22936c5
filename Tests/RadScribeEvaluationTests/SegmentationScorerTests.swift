import RadScribeCore
import Testing

@testable import RadScribeEvaluation

@Suite("Segmentation scoring")
struct SegmentationScorerTests {
    private let report = OpenIReport(
        uid: "42",
        indication: "Cough for two weeks.",
        comparison: "None.",
        findings: "Heart size is normal. The lungs are clear.",
        impression: "No acute disease."
    )

    private func outcome(_ variant: DictationVariant, _ produced: (AssembledDictation) -> StructuredReport?) -> SegmentationCase {
        let dictation = DictationAssembler().assemble(report, as: variant)
        return SegmentationScorer().score(dictation, report: produced(dictation), uid: report.uid, variant: variant)
    }

    @Test func tokenizerSplitsOnEverythingButLettersAndDigitsAndLowerCases() {
        let words = WordTokenizer.words(in: "Chest x-XXXX: 3.5 cm Größe")
        #expect(words.map(\.text) == ["chest", "x", "xxxx", "3", "5", "cm", "größe"])
        #expect(words.last?.span == TextSpan(start: 21, end: 26))
    }

    @Test func correctSectionsScoreEveryWord() {
        let result = outcome(.typedHeaders) { dictation in
            TestReports.report(
                text: dictation.text,
                sections: [
                    .init(kind: .clinicalInformation, header: "INDICATION:", body: report.indication),
                    .init(kind: .findings, header: "FINDINGS:", body: report.findings),
                    .init(kind: .impression, header: "IMPRESSION:", body: report.impression),
                ]
            )
        }
        #expect(result.isCorrect)
        #expect(result.fields.map(\.words) == [4, 8, 3])
        #expect(result.fields.map(\.correctWords) == [4, 8, 3])
    }

    @Test func impressionMergedIntoFindingsCountsOnlyTheImpressionWordsWrong() throws {
        let result = outcome(.typedHeaders) { dictation in
            TestReports.report(
                text: dictation.text,
                sections: [
                    .init(kind: .clinicalInformation, header: "INDICATION:", body: report.indication),
                    .init(kind: .findings, header: "FINDINGS:", body: "Heart size is normal. The lungs are clear.\nIMPRESSION: No acute disease."),
                ]
            )
        }
        #expect(!result.isCorrect)
        let impression = try #require(result.fields.last)
        #expect(impression.field == .impression)
        #expect(impression.placement == [.findings: 3])
        #expect(impression.excerpt == "No acute disease.")
        #expect(result.fields.filter(\.isCorrect).map(\.field) == [.indication, .findings])
    }

    @Test func spokenHeaderWordsAreNotScoredButContentWordsInAHeaderAre() {
        // The engine took "indication cough" as the header: the header word is not gold, "cough" is lost to the header.
        let result = outcome(.spokenHeaders) { dictation in
            TestReports.report(
                text: dictation.text,
                sections: [
                    .init(kind: .clinicalInformation, header: "indication cough", body: "for two weeks."),
                    .init(kind: .findings, header: "findings", body: "heart size is normal. the lungs are clear."),
                    .init(kind: .impression, header: "impression", body: "no acute disease."),
                ]
            )
        }
        #expect(result.fields.first?.placement == [.clinicalInformation: 3, nil: 1])
        #expect(result.fields.map(\.words) == [4, 8, 3])
        #expect(result.fields.dropFirst().allSatisfy { $0.isCorrect })
    }

    @Test func wordsRewrittenByTheNormaliserKeepTheSectionOfTheirReplacement() {
        let result = outcome(.typedHeaders) { _ in
            let normalised = "INDICATION: Cough for 2 weeks.\nFINDINGS: Heart size is normal. The lungs are clear.\nIMPRESSION: No acute disease."
            return TestReports.report(
                text: normalised,
                sections: [
                    .init(kind: .clinicalInformation, header: "INDICATION:", body: "Cough for 2 weeks."),
                    .init(kind: .findings, header: "FINDINGS:", body: report.findings),
                    .init(kind: .impression, header: "IMPRESSION:", body: report.impression),
                ]
            )
        }
        #expect(result.isCorrect)
        #expect(result.fields.first?.words == 4)
    }

    @Test func anEngineFailurePutsEveryWordNowhere() {
        let result = outcome(.missingFindingsHeader) { _ in nil }
        #expect(result.fields.map(\.field) == [.findings, .impression])
        #expect(result.fields.map(\.placement) == [[nil: 8], [nil: 3]])
    }

    @Test func alignmentPairsWordsAroundRewrites() {
        // a b c d → a x d: b and c were rewritten into x.
        #expect(SegmentationScorer.counterparts(of: ["a", "b", "c", "d"], in: ["a", "x", "d"]) == [0, 1, 1, 2])
        // a b c → a c: b was dropped and stays with the word before it.
        #expect(SegmentationScorer.counterparts(of: ["a", "b", "c"], in: ["a", "c"]) == [0, 0, 1])
        // A dropped first word goes with the word after it.
        #expect(SegmentationScorer.counterparts(of: ["um", "a"], in: ["a"]) == [0, 0])
        // Inserted words shift nothing.
        #expect(SegmentationScorer.counterparts(of: ["a", "b"], in: ["new", "a", "line", "b"]) == [1, 3])
        #expect(SegmentationScorer.counterparts(of: ["a"], in: []) == [nil])
    }

    @Test func variantTalliesAddUpWordsFieldsAndFailures() {
        var tally = SegmentationVariantResult(variant: .typedHeaders)
        let good = SegmentationCase(
            uid: "1",
            variant: .typedHeaders,
            fields: [
                FieldOutcome(field: .findings, placement: [.findings: 6], excerpt: ""),
                FieldOutcome(field: .impression, placement: [.impression: 2], excerpt: ""),
            ]
        )
        let bad = SegmentationCase(
            uid: "2",
            variant: .typedHeaders,
            fields: [
                FieldOutcome(field: .findings, placement: [.findings: 4], excerpt: ""),
                FieldOutcome(field: .impression, placement: [.findings: 3, .impression: 1], excerpt: ""),
            ]
        )
        tally.add(good)
        tally.add(bad)
        #expect(tally.reports == 2)
        #expect(tally.fullyCorrect == 1)
        #expect(tally.total == WordTally(words: 16, correct: 13))
        #expect(tally.perField[.impression]?.accuracy == 0.5)
        #expect(tally.perField[.findings]?.accuracy == 1)
        #expect(tally.failures.map(\.uid) == ["2"])
    }
}
