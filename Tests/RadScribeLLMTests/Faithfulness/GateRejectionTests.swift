import RadScribeCore
import RadScribeLLM
import Testing

/// Sections rejected before their facts are read: empty, refusing, or with placeholders left in; and lost critical findings.
@Suite("Faithfulness guard: gates and critical findings")
struct GateRejectionTests {
    let german: DictationFixture
    let english: DictationFixture

    init() throws {
        german = try DictationFixture(FaithfulnessAcceptanceTests.germanChest, .de)
        english = try DictationFixture(FaithfulnessAcceptanceTests.englishChest, .en)
    }

    @Test func rejectsAnEmptySectionWhereTheDictationHasOne() {
        #expect(german.violations(of: .findings, "") == [.emptySection])
        #expect(english.violations(of: .impression, " \n - ") == [.emptySection])
    }

    @Test func rejectsARefusal() {
        #expect(german.violations(of: .impression, "Es tut mir leid, aber ich kann keine medizinischen Befunde erstellen.") == [.refusal])
        #expect(german.violations(of: .findings, "Als KI darf ich keine Diagnosen stellen.") == [.refusal])
        #expect(english.violations(of: .impression, "I'm sorry, I can't help with that.") == [.refusal])
        #expect(english.violations(of: .recommendation, "As an AI language model, I cannot provide medical advice.") == [.refusal])
    }

    @Test func rejectsAPlaceholderLeftInTheText() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts bei [PERSON_1]. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.",
            for: .placeholderLeft
        )
        english.expectRejected(
            .clinicalInformation,
            "Shortness of breath since <DATE_2>.",
            for: .placeholderLeft
        )
    }

    @Test func rejectsFindingsAndImpressionThatBothLoseACriticalFinding() throws {
        let german = try DictationFixture("Befund: Pneumothorax rechts. Pleuraerguss links.\nBeurteilung: Pleuraerguss links.", .de)
        #expect(german.violations(of: .impression, "Linksseitiger Pleuraerguss.") == [.criticalFindingLost(concept: "pneumothorax")])
        german.expectAccepted([.findings: "Rechtsseitiger Pneumothorax. Pleuraerguss links.", .impression: "Pleuraerguss links."])

        let english = try DictationFixture("Findings: Free air under the right hemidiaphragm. Small left effusion.", .en)
        let review = english.review([.findings: "Small left effusion.", .impression: "Small left pleural effusion."])
        #expect(review.rejected[.impression] == [.criticalFindingLost(concept: "free_air")])
        #expect(review.rejected[.findings]?.contains(.criticalFindingLost(concept: "free_air")) == true)
    }

    @Test func keepsACriticalFindingThatIsOnlySuspected() throws {
        let fixture = try DictationFixture("Befund: V. a. Lungenembolie rechts.", .de)
        #expect(fixture.violations(of: .impression, "Verdacht auf Lungenembolie rechts.").isEmpty)
        #expect(fixture.violations(of: .impression, "Kein Infiltrat.").contains(.criticalFindingLost(concept: "pulmonary_embolism")))
    }
}
