import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Negation scope")
struct NegationScopeTests {
    private func isNegated(_ text: String, term: String, findings: [Finding] = []) -> Bool {
        let folded = FoldedText(text)
        let index = folded.tokens.firstIndex { folded.string($0.start, $0.end) == term }!
        return NegationScope(text: folded, findings: findings).isNegated(first: index, last: index)
    }

    @Test func findsCuesBeforeAndAfterTheTermWithinItsClause() {
        #expect(isNegated("Kein Bandscheibenvorfall.", term: "Bandscheibenvorfall"))
        #expect(isNegated("No evidence of disc herniation.", term: "herniation"))
        #expect(isNegated("Bandscheibenvorfall ausgeschlossen.", term: "Bandscheibenvorfall"))
        #expect(isNegated("Herniation is not seen.", term: "Herniation"))
        #expect(!isNegated("Kein Erguss, Bandscheibenvorfall L5.", term: "Bandscheibenvorfall"))
        #expect(!isNegated("Keine Stenose bei Protrusion.", term: "Protrusion"))
    }

    @Test func treatsNotExcludedAsAHedge() {
        #expect(!isNegated("Bandscheibenvorfall nicht auszuschließen.", term: "Bandscheibenvorfall"))
        #expect(!isNegated("Metastasis cannot be excluded.", term: "Metastasis"))
        #expect(!isNegated("Metastasis can not be ruled out.", term: "Metastasis"))
    }

    @Test func prefersTheExtractorsConceptAssertion() {
        let text = "Kein Erguss, aber Pneumothorax."
        let fixture = ReportFixture(text)
        let finding = fixture.finding(text, assertion: .absent, concepts: [fixture.concept("Pneumothorax", id: "pneumothorax", assertion: .present)])
        #expect(!isNegated(text, term: "Pneumothorax", findings: [finding]))
        let negatedFinding = fixture.finding(text, assertion: .absent)
        #expect(isNegated(text, term: "Pneumothorax", findings: [negatedFinding]))
    }
}
