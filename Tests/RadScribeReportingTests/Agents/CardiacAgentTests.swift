import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Cardiac agent")
struct CardiacAgentTests {
    private func cardiac(_ text: String, language: Language = .de) throws -> CardiacData {
        try #require(ReportFixture(text, language: language).extract([.cardiac]).cardiac)
    }

    @Test(arguments: [
        ("Befund: LVEF 45 %.", 45.0, nil as Double?, "LVEF 45 %"), ("Befund: Ejektionsfraktion von 52,5 Prozent.", 52.5, nil, nil),
        ("Findings: LV ejection fraction is estimated at 55-60%.", 55, 60, "LV ejection fraction is estimated at 55-60%"),
        ("Befund: EF visuell ca. 35 bis 40 %.", 35, 40, nil), ("Findings: LVEF (biplane Simpson) 62 %.", 62, nil, nil),
    ])
    func readsTheEjectionFraction(_ text: String, percent: Double, upper: Double?, evidence: String?) throws {
        let lvef = try #require(try cardiac(text).lvef)
        #expect(lvef.percent == percent)
        #expect(lvef.upperPercent == upper)
        if let evidence { #expect(lvef.text == evidence) }
        #expect(lvef.span.substring(of: text).map(String.init) == lvef.text)
    }

    @Test func rejectsImpossibleEjectionFractions() throws {
        #expect(try cardiac("Befund: EF 250.").lvef == nil)
    }

    @Test(arguments: [
        ("Befund: Agatston-Score 1.234.", 1234.0), ("Findings: Agatston score of 0.", 0), ("Befund: Kalkscore nach Agatston 87.", 87),
        ("Findings: Coronary artery calcium score: 410 (Agatston).", 410), ("Befund: 350 Agatston.", 350),
    ])
    func readsTheAgatstonScore(_ text: String, value: Double) throws {
        #expect(try cardiac(text).agatstonScore?.value == value)
    }

    @Test func readsWallMotionWithSegments() throws {
        let data = try cardiac(
            "Befund: Hypokinesie der basalen Hinterwand. Mittventrikulär anteroseptal akinetisch. Apikal dyskinetisch. Keine Akinesie lateral."
        )
        #expect(data.wallMotion.map(\.motion) == [.hypokinetic, .akinetic, .dyskinetic])
        #expect(data.wallMotion.map(\.segment) == ["basal inferior", "mid anteroseptal", "apical"])
    }

    @Test func readsNegatedWallMotionAbnormalityAsGlobalNormokinesia() throws {
        let data = try cardiac("Findings: Normal LV size. No regional wall motion abnormalities.", language: .en)
        #expect(data.wallMotion.map(\.motion) == [.normokinetic])
        #expect(data.wallMotion.first?.segment == "global")
    }
}
