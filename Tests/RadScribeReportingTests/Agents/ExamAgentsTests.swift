import Foundation
import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Exam agents: ensemble and provenance")
struct ExamAgentsTests {
    private static let oncologyCT = """
        Technik: CT Thorax/Abdomen in portalvenöser Phase.
        Befund: Lebermetastase Segment VII 25 mm (zuvor 18 mm). Milz unauffällig.
        Beurteilung: Progrediente Lebermetastase.
        """

    private func oncologyCTFindings(_ fixture: ReportFixture) -> [Finding] {
        [
            fixture.finding(
                "Lebermetastase Segment VII 25 mm (zuvor 18 mm).",
                measurements: [fixture.measurement("25 mm", [25], "mm"), fixture.measurement("18 mm", [18], "mm")]
            ),
            fixture.finding("Milz unauffällig."),
            fixture.finding("Progrediente Lebermetastase.", section: .impression),
        ]
    }

    @Test func runsTheClassifiedEnsembleAndRecordsWhichAgentsRan() throws {
        let fixture = ReportFixture(Self.oncologyCT)
        let findings = oncologyCTFindings(fixture)
        let classification = fixture.classify(findings: findings)
        #expect(classification.selection == .ensemble)
        let data = ExamAgents().extract(
            classification: classification,
            text: fixture.text,
            sections: fixture.sections,
            findings: findings,
            language: .de
        )
        #expect(data.agents == classification.agents)
        #expect(data.ct != nil)
        #expect(data.oncology != nil)
        #expect(data.mammography == nil)
        #expect(data.spine == nil)
        #expect(data.cardiac == nil)
        #expect(data.pathology == nil)
    }

    @Test func listsAMeasurementThatTwoAgentsUseOnceWithBothAgents() throws {
        let fixture = ReportFixture(Self.oncologyCT)
        let data = fixture.extract([.oncology, .ctScan, .general], findings: oncologyCTFindings(fixture))
        #expect(data.agents == [.oncology, .ctScan, .general])
        #expect(data.measurements.map(\.measurement.text) == ["25 mm", "18 mm"])
        let current = try #require(data.measurements.first)
        #expect(current.agents == [.oncology, .ctScan])
        #expect(current.subject == "liver")
        #expect(data.measurements[1].agents == [.ctScan])
        #expect(data.oncology?.targetLesions.first?.measurement == current.measurement)
        #expect(data.ct?.contrastPhases.map(\.phase) == [.portalVenous])
        #expect(data.general?.keyFindings.map(\.text) == ["Progrediente Lebermetastase."])
    }

    @Test func runsASingleAgentAndLeavesTheOtherFieldsEmpty() throws {
        let data = ReportFixture("Befund: L4/5 Protrusion.").extract([.spineMRI])
        #expect(data.agents == [.spineMRI])
        #expect(data.spine?.levels.count == 1)
        #expect(data.general == nil)
        #expect(data.ct == nil)
    }

    @Test func leavesAnEmptyValueWhenAnAgentRanButFoundNothing() throws {
        let data = ReportFixture("Befund: Regelrechter Befund.").extract([.cardiac])
        #expect(data.cardiac == CardiacData())
    }

    @Test func roundTripsThroughSnakeCaseJSON() throws {
        let text = """
            Befund: Dichte ACR c. Herd bei 10 Uhr links 8 mm. L4/5 hochgradige Spinalkanalstenose. LVEF 40 %. Agatston 12. \
            Hypokinesie apikal. pT2 pN0 M0, G2, R0. Lebermetastase 20 mm (zuvor 25 mm). Echoarme Läsion. Portalvenöse Phase.
            Beurteilung: BI-RADS 4b links. Partielle Remission. Neue Metastase.
            """
        let fixture = ReportFixture(text)
        let findings = [
            fixture.finding("Herd bei 10 Uhr links 8 mm.", measurements: [fixture.measurement("8 mm", [8], "mm")]),
            fixture.finding(
                "Lebermetastase 20 mm (zuvor 25 mm).",
                measurements: [fixture.measurement("20 mm", [20], "mm"), fixture.measurement("25 mm", [25], "mm")]
            ),
        ]
        let data = fixture.extract(ExamType.allCases, findings: findings)
        #expect(data.agents == ExamType.allCases)
        #expect(data.mammography?.density?.category == .c)
        #expect(data.spine?.levels.first?.spinalCanalStenosis?.grade == .severe)
        #expect(data.cardiac?.lvef?.percent == 40)
        #expect(data.pathology?.tnm?.tumor == "pT2")
        #expect(data.oncology?.targetLesions.count == 2)
        #expect(data.oncology?.recistCategory == .progressiveDisease)
        let json = try ReportJSON.makeEncoder().encode(data)
        let decoded = try ReportJSON.makeDecoder().decode(ExamData.self, from: json)
        #expect(decoded == data)
        let keys = String(decoding: json, as: UTF8.self)
        for key in [
            "\"sum_of_diameters_millimeters\"", "\"spinal_canal_stenosis\"", "\"agatston_score\"", "\"lvef\"", "\"clock_position\"",
            "\"recist_category\"",
        ] {
            #expect(keys.contains(key), "missing \(key)")
        }
    }

    @Test func doesNotReadTheClinicalInformation() throws {
        let fixture = ReportFixture("Klinische Angaben: Z. n. Mammakarzinom links, BI-RADS 6, LVEF 30 %.\nBefund: Unauffällig.")
        let data = fixture.extract([.mammography, .cardiac])
        #expect(data.mammography?.assessments.isEmpty == true)
        #expect(data.cardiac?.lvef == nil)
    }
}
