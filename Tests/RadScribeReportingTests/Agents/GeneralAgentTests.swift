import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("General agent")
struct GeneralAgentTests {
    @Test func takesKeyFindingsFromTheImpressionAndListsOrgans() throws {
        let text = """
            The lungs are clear. Heart size is normal. There is a small left pleural effusion.
            Impression: Small left pleural effusion. No pneumothorax.
            """
        let fixture = ReportFixture(text, language: .en)
        let findings = [
            fixture.finding("Small left pleural effusion.", section: .impression),
            fixture.finding("No pneumothorax.", section: .impression, assertion: .absent),
        ]
        let general = try #require(fixture.extract([.general], findings: findings).general)
        #expect(general.keyFindings.map(\.text) == ["Small left pleural effusion."])
        #expect(general.organs.map(\.organ) == ["lung", "heart", "pleura"])
        #expect(general.organs.first?.text == "lungs")
    }

    @Test func fallsBackToAbnormalFindingsWithoutAnImpression() throws {
        let fixture = ReportFixture("Befund: Lunge frei. Kein Erguss. Fraktur der 5. Rippe rechts. V. a. Infiltrat im Unterlappen.")
        let general = try #require(fixture.extract([.general]).general)
        #expect(general.keyFindings.map(\.text) == ["Fraktur der 5. Rippe rechts", "V. a. Infiltrat im Unterlappen"])
    }
}
