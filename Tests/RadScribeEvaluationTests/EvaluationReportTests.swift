import Foundation
import RadScribeCore
import Testing

@testable import RadScribeEvaluation

@Suite("Evaluation report rendering")
struct EvaluationReportTests {
    private func makeResult() -> EvaluationResult {
        var typed = SegmentationVariantResult(variant: .typedHeaders)
        typed.add(
            SegmentationCase(
                uid: "1",
                variant: .typedHeaders,
                fields: [FieldOutcome(field: .findings, placement: [.findings: 12], excerpt: "Lungs clear.")]
            )
        )
        typed.add(
            SegmentationCase(
                uid: "2",
                variant: .typedHeaders,
                fields: [
                    FieldOutcome(field: .findings, placement: [.findings: 4], excerpt: "Heart enlarged."),
                    FieldOutcome(field: .impression, placement: [.findings: 3, nil: 1], excerpt: "Cardiomegaly, no effusion."),
                ]
            )
        )
        var classification = ClassificationResult()
        let scores = [ExamTypeScore(examType: .general, score: 0.55, evidence: []), ExamTypeScore(examType: .pathology, score: 0.45, evidence: [])]
        classification.add(
            ClassificationOutcome(source: .negExChapman, id: "12", expected: .pathology, predicted: .general, topScores: scores)
        )
        var sentences = SentenceNegationResult(file: "negex-chapman/Annotations-1-120.txt")
        sentences.add(
            SentenceNegationOutcome(id: "3", concept: "fever", excerpt: "Denies FEVER.", gold: .absent, predicted: .present, match: .marked)
        )
        var reportNegation = ReportNegationResult(labels: ["Effusion"])
        reportNegation.add(
            uid: "2",
            positives: [],
            decisions: [
                LabelDecision(
                    label: "Effusion",
                    prediction: .positive,
                    mentions: [TestReports.finding(.findings, [("pleural_effusion", .present)]).concepts[0]]
                )
            ]
        )
        return EvaluationResult(
            corpus: "../shared/eval",
            engineVersion: "9.9",
            limit: 50,
            segmentation: [typed],
            classification: classification,
            sentenceNegation: [sentences],
            reportNegation: reportNegation,
            engine: EngineTiming(reports: 1000, failures: 0, duration: .milliseconds(250)),
            duration: .seconds(2)
        )
    }

    /// The cells of the table row starting with `prefix`; cells are separated by two or more spaces.
    private func cells(of prefix: String, in text: String) -> [String] {
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return [] }
        return line.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func tablesShowCountsAndRates() {
        let text = EvaluationReport.render(makeResult(), showErrors: false)
        #expect(text.hasPrefix("RadScribe evaluation · engine 9.9 · corpus ../shared/eval · at most 50 records per file\n"))
        #expect(cells(of: "typed headers", in: text) == ["typed headers", "2", "1 (50.0%)", "20", "80.0%", "–", "–", "100.0%", "0.0%"])
        #expect(cells(of: "negex-chapman", in: text) == ["negex-chapman", "pathology", "1", "0", "0.0%"])
        #expect(text.contains("Confusion (gold → predicted, errors only): pathology → general 1"))
        #expect(cells(of: "NegEx 1.2", in: text) == ["NegEx 1.2, published", "2376", "0.933", "0.959", "0.946", "97.7%"])
        #expect(cells(of: "Effusion", in: text) == ["Effusion", "0", "0", "1", "0", "0.000", "–", "0.000", "1", "0.0%"])
        #expect(text.contains("engine: 1000 dictations in 0.25 s, 4000 reports/s on one core, 0 refused"))
        #expect(!text.contains("uid 2"))
    }

    @Test func showErrorsListsEveryWrongCaseWithWhereItsWordsWent() {
        let text = EvaluationReport.render(makeResult(), showErrors: true)
        #expect(
            text.contains(
                "  uid 2 [typed headers]\n    impression: expected impression, got findings 3, no section 1 of 4 words \"Cardiomegaly, no effusion.\""
            )
        )
        #expect(!text.contains("uid 1 "))
        #expect(text.contains("  negex-chapman 12: gold pathology, got general [general 0.550, pathology 0.450]"))
        #expect(text.contains("  3 \"fever\": gold absent, got present [marked] Denies FEVER."))
        #expect(text.contains("  CXR2 Effusion: gold negative, got positive: pleural effusion (present)"))
    }
}
