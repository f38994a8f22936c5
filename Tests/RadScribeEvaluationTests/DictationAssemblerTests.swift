import RadScribeCore
import Testing

@testable import RadScribeEvaluation

@Suite("Dictation assembly")
struct DictationAssemblerTests {
    private let report = OpenIReport(
        uid: "7",
        indication: "Dyspnea: rule out CHF",
        comparison: "PA and lateral chest dated XXXX.",
        findings: "Heart size is enlarged.\nSmall bilateral pleural effusions.",
        impression: "1. Cardiomegaly. 2. Small effusions, no pneumothorax."
    )

    private func fieldTexts(_ dictation: AssembledDictation) -> [ReportField: String] {
        Dictionary(uniqueKeysWithValues: dictation.placements.map { ($0.field, String($0.span.substring(of: dictation.text) ?? "")) })
    }

    @Test func typedHeadersPutEachFieldOnItsOwnLine() {
        let dictation = DictationAssembler().assemble(report, as: .typedHeaders)
        #expect(
            dictation.text == """
                INDICATION: Dyspnea: rule out CHF
                COMPARISON: PA and lateral chest dated XXXX.
                FINDINGS: Heart size is enlarged.
                Small bilateral pleural effusions.
                IMPRESSION: 1. Cardiomegaly. 2. Small effusions, no pneumothorax.
                """
        )
        #expect(dictation.placements.map(\.field) == [.indication, .comparison, .findings, .impression])
        #expect(fieldTexts(dictation)[.findings] == report.findings)
        #expect(fieldTexts(dictation)[.impression] == report.impression)
    }

    @Test(arguments: ["None.", "none", "NONE.."])
    func typedHeadersLeaveOutAComparisonOfNone(_ comparison: String) {
        var withoutComparison = report
        withoutComparison.comparison = comparison
        let dictation = DictationAssembler().assemble(withoutComparison, as: .typedHeaders)
        #expect(!dictation.text.contains("COMPARISON"))
        #expect(dictation.placements.map(\.field) == [.indication, .findings, .impression])
    }

    @Test func typedHeadersKeepAComparisonThatSaysMoreThanNone() {
        var available = report
        available.comparison = "None available."
        let dictation = DictationAssembler().assemble(available, as: .typedHeaders)
        #expect(fieldTexts(dictation)[.comparison] == "None available.")
    }

    @Test func emptyFieldsAreLeftOut() {
        var sparse = report
        sparse.indication = ""
        sparse.comparison = ""
        let dictation = DictationAssembler().assemble(sparse, as: .typedHeaders)
        #expect(dictation.text.hasPrefix("FINDINGS: Heart"))
        #expect(dictation.placements.map(\.field) == [.findings, .impression])
    }

    @Test func spokenHeadersAreLowerCaseWithoutColonsOrLineBreaks() {
        let dictation = DictationAssembler().assemble(report, as: .spokenHeaders)
        #expect(
            dictation.text
                == "indication dyspnea rule out chf comparison pa and lateral chest dated xxxx. findings heart size is enlarged. "
                + "small bilateral pleural effusions. impression 1. cardiomegaly. 2. small effusions, no pneumothorax."
        )
        #expect(fieldTexts(dictation)[.indication] == "dyspnea rule out chf")
        #expect(fieldTexts(dictation)[.findings] == "heart size is enlarged. small bilateral pleural effusions.")
    }

    @Test func missingFindingsHeaderStartsWithTheBareFindingsThenTheImpression() {
        let dictation = DictationAssembler().assemble(report, as: .missingFindingsHeader)
        #expect(
            dictation.text
                == "Heart size is enlarged.\nSmall bilateral pleural effusions.\nImpression: 1. Cardiomegaly. 2. Small effusions, no pneumothorax."
        )
        #expect(dictation.placements.map(\.field) == [.findings, .impression])
        #expect(dictation.placements.first?.span.start == 0)
    }

    @Test func fieldSpansCountUTF16UnitsPastNonASCIIText() {
        var accented = report
        accented.indication = "Zustand nach Lobektomie — Verlauf 🙂"
        let dictation = DictationAssembler().assemble(accented, as: .typedHeaders)
        #expect(fieldTexts(dictation)[.comparison] == accented.comparison)
        #expect(fieldTexts(dictation)[.impression] == accented.impression)
    }

    @Test func fieldsMapToTheirSectionKinds() {
        #expect(ReportField.allCases.map(\.expectedKind) == [.clinicalInformation, .technique, .findings, .impression])
    }
}
