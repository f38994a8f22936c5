import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("CT agent")
struct CTAgentTests {
    @Test func readsGermanContrastPhasesOnceEach() throws {
        let fixture = ReportFixture(
            "CT Thorax/Abdomen nativ und nach KM-Gabe in arterieller und portalvenöser Phase sowie Spätphase.\nBefund: Nativ keine Verkalkungen."
        )
        let ct = try #require(fixture.extract([.ctScan]).ct)
        #expect(ct.contrastPhases.map(\.phase) == [.nonContrast, .arterial, .portalVenous, .delayed])
        #expect(ct.contrastPhases.map(\.text) == ["nativ", "arterieller", "portalvenöser", "Spätphase"])
    }

    @Test func readsEnglishPhasesAndKeepsUnnamedContrastOnlyWithoutANamedPhase() throws {
        let named = ReportFixture("TECHNIQUE: CT abdomen with IV contrast in the arterial and portal venous phase.", language: .en)
        #expect(named.extract([.ctScan]).ct?.contrastPhases.map(\.phase) == [.arterial, .portalVenous])
        let unnamed = ReportFixture("TECHNIQUE: Contrast-enhanced CT of the chest.", language: .en)
        #expect(unnamed.extract([.ctScan]).ct?.contrastPhases.map(\.phase) == [.contrastEnhanced])
        let plain = ReportFixture("TECHNIQUE: Non-contrast CT of the head.", language: .en)
        #expect(plain.extract([.ctScan]).ct?.contrastPhases.map(\.phase) == [.nonContrast])
    }

    @Test func takesNegatedContrastForANonContrastExam() throws {
        let fixture = ReportFixture("Technik: CT Schädel ohne i.v. Kontrastmittelgabe.")
        #expect(fixture.extract([.ctScan]).ct?.contrastPhases.map(\.phase) == [.nonContrast])
    }

    @Test func doesNotTakeVesselWordsOfTheFindingsForPhases() throws {
        let fixture = ReportFixture("Befund: Arterielle Gefäßverkalkungen. Venöse Kollateralen. Delayed healing.")
        #expect(fixture.extract([.ctScan]).ct?.contrastPhases.isEmpty == true)
    }

    @Test func listsAbnormalFindingsByOrganAndRecordsTheirMeasurements() throws {
        let text = "Befund: Leber mit 2 cm großer hypodenser Läsion. Milz unauffällig. Nieren ohne Befund. Kein Aszites. Lymphknoten bis 15 mm."
        let fixture = ReportFixture(text)
        let findings = [
            fixture.finding("Leber mit 2 cm großer hypodenser Läsion.", measurements: [fixture.measurement("2 cm", [2], "cm")]),
            fixture.finding("Milz unauffällig."),
            fixture.finding("Nieren ohne Befund."),
            fixture.finding("Kein Aszites.", assertion: .absent),
            fixture.finding("Lymphknoten bis 15 mm.", measurements: [fixture.measurement("15 mm", [15], "mm")]),
        ]
        let data = fixture.extract([.ctScan], findings: findings)
        let ct = try #require(data.ct)
        #expect(ct.organFindings.map(\.organ) == ["liver", "lymph_node"])
        #expect(ct.organFindings.first?.text == "Leber mit 2 cm großer hypodenser Läsion.")
        #expect(data.measurements.map(\.subject) == ["liver", "lymph_node"])
        #expect(data.measurements.map(\.agents) == [[.ctScan], [.ctScan]])
    }

    @Test func judgesNormalStatementsWithoutFindings() throws {
        let fixture = ReportFixture("Befund: Leberzyste, kein Aszites. Leber ohne Herdbefund. Lunge: Kein Infiltrat. Die Milz ist vergrößert.")
        let ct = try #require(fixture.extract([.ctScan]).ct)
        #expect(ct.organFindings.map(\.organ) == ["liver", "spleen"])
    }
}
