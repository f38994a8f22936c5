import RadScribeCore
import Testing

@testable import RadScribeEvaluation

@Suite("Classification labels")
struct ClassificationLabelTests {
    private func sentence(_ id: String, _ text: String) -> AnnotatedSentence {
        AnnotatedSentence(id: id, concept: "x", sentence: text, gold: .present)
    }

    @Test func readsTheReportTypeFromTheDeIdentificationHeaderAndCutsTheHeader() {
        let reports = NegExReport.reports(from: [
            sentence(
                "12",
                "S_O_H  Counters Report Type Record Type Subgroup Classifier  202,Ab3+x/9 SP SP   E_O_H  FINAL DIAGNOSIS:  Skin, excision."
            ),
            sentence("12", "No residual   MELANOMA."),
            sentence("12", "No residual   MELANOMA."),
            sentence("38", "S_O_H  Counters Report Type Record Type Subgroup Classifier  47,Qw12 ECHO ECHO   E_O_H  Normal LV size."),
            sentence("40", "Patient denies chest pain."),
        ])
        #expect(reports.map(\.id) == ["12", "38", "40"])
        #expect(reports.map(\.reportType) == ["SP", "ECHO", nil])
        #expect(reports[0].text == "FINAL DIAGNOSIS: Skin, excision. No residual MELANOMA.")
        #expect(!reports.contains { $0.text.contains("S_O_H") || $0.text.contains("E_O_H") })
    }

    @Test func standardMappingFollowsTheCorpusDocumentation() {
        let labels = ClassificationLabels.standard
        #expect(labels.openI == .general)
        #expect(labels.negExReportTypes == ["SP": .pathology, "ECHO": .cardiac])
        #expect(labels.funradExams["CT NNH"] == .ctScan)
        #expect(["MRT Schulter", "MRT Knie", "MRT Abdomen"].map { labels.funradExams[$0] } == [.general, .general, .general])
    }

    @Test func reportsWithoutAMappedTypeAreCountedAsUnlabelled() {
        let reports = [
            NegExReport(id: "1", reportType: "SP", text: "Benign colonic mucosa."),
            NegExReport(id: "2", reportType: "RAD", text: "No acute disease."),
            NegExReport(id: "3", reportType: nil, text: "Denies fever."),
        ]
        var result = ClassificationResult()
        let cases = ClassificationCorpus(labels: .standard).negExCases(reports, result: &result)
        #expect(cases.map(\.id) == ["1"])
        #expect(cases.first?.expected == .pathology)
        #expect(result.unlabelled == ["negex-chapman RAD": 1, "negex-chapman no type code": 1])
    }

    @Test func drgExamplesBecomeGermanDictationsWithLabelLines() {
        let example = FunradExample(
            exam: "CT NNH",
            exampleSections: [
                .init(heading: "(unlabelled)", text: "Low-dose CT der Nasennebenhöhlen."),
                .init(heading: "Septum", text: "Geringe Deviation nach links"),
                .init(heading: "Beurteilung", text: "Akute Sinusitis maxillaris links."),
            ]
        )
        var result = ClassificationResult()
        let cases = ClassificationCorpus(labels: .standard).drgCases(
            [example, FunradExample(exam: "MRT Ellenbogen", exampleSections: [])],
            result: &result
        )
        #expect(cases.count == 1)
        #expect(cases.first?.language == .de)
        #expect(cases.first?.expected == .ctScan)
        #expect(
            cases.first?.text
                == "Low-dose CT der Nasennebenhöhlen.\nSeptum: Geringe Deviation nach links\nBeurteilung: Akute Sinusitis maxillaris links."
        )
        #expect(result.unlabelled == ["drg-befundung-de MRT Ellenbogen": 1])
    }

    @Test func resultGroupsBySourceAndGoldTypeAndCountsConfusion() {
        var result = ClassificationResult()
        let scores = [ExamTypeScore(examType: .ctScan, score: 0.6, evidence: ["ct"]), ExamTypeScore(examType: .oncology, score: 0.4, evidence: [])]
        let pathology = ClassificationCase(source: .negExChapman, id: "12", text: "", language: .en, expected: .pathology)
        let chest = ClassificationCase(source: .openI, id: "1", text: "", language: .en, expected: .general)
        result.add(ClassificationOutcome(chest, report: TestReports.report(text: "x", sections: [])))
        result.add(ClassificationOutcome(pathology, report: TestReports.report(text: "x", sections: [], examType: .ctScan, scores: scores)))
        result.add(ClassificationOutcome(pathology, report: nil))
        #expect(result.groups.map(\.cases) == [1, 2])
        #expect(result.groups.map(\.correct) == [1, 0])
        #expect(result.cases == 3)
        #expect(result.correct == 1)
        #expect(result.confusion[.pathology] == [.ctScan: 1, nil: 1])
        #expect(result.failures.map(\.topScores.count) == [2, 0])
    }
}
