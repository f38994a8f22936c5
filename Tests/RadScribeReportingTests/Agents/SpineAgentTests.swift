import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Spine MRI agent")
struct SpineAgentTests {
    private func levels(_ text: String, language: Language = .de, findings: (ReportFixture) -> [Finding] = { _ in [] }) -> [SpineLevelFindings] {
        let fixture = ReportFixture(text, language: language)
        return fixture.extract([.spineMRI], findings: findings(fixture)).spine?.levels ?? []
    }

    private func level(_ name: String?, in levels: [SpineLevelFindings]) throws -> SpineLevelFindings {
        try #require(levels.first { $0.level == name }, "no level \(name ?? "nil") in \(levels.map(\.level))")
    }

    @Test func readsDiscCanalAndForaminalFindingsPerLevelWithGradeAndSide() throws {
        let levels = levels(
            """
            Befund: LWK 4/5: Breitbasige Bandscheibenprotrusion mit mäßiger Spinalkanalstenose. \
            Neuroforamenstenose links hochgradig, rechts mäßig. L5/S1: Bandscheibenvorfall paramedian links.
            """
        )
        #expect(levels.map(\.level) == ["L4/5", "L5/S1"])
        let l45 = try level("L4/5", in: levels)
        #expect(l45.discs.map(\.kind) == [.protrusion])
        #expect(l45.discs.first?.position == .broadBased)
        #expect(l45.spinalCanalStenosis?.grade == .moderate)
        #expect(l45.neuroforaminalStenoses.map(\.side) == [.left, .right])
        #expect(l45.neuroforaminalStenoses.map(\.grade) == [.severe, .moderate])
        let l5s1 = try level("L5/S1", in: levels)
        #expect(l5s1.discs.first?.kind == .herniation)
        #expect(l5s1.discs.first?.side == .left)
        #expect(l5s1.discs.first?.position == .paramedian)
        #expect(l5s1.discs.first?.text == "Bandscheibenvorfall")
    }

    @Test func doesNotReportNegatedPathology() throws {
        let levels = levels(
            "Befund: L3/4: Kein Bandscheibenvorfall. Spinalkanal nicht eingeengt. Keine Neuroforamenstenose. L4/5: Protrusion ohne Stenose."
        )
        #expect(levels.map(\.level) == ["L4/5"])
        let l45 = try level("L4/5", in: levels)
        #expect(l45.discs.map(\.kind) == [.protrusion])
        #expect(l45.spinalCanalStenosis == nil)
        #expect(l45.neuroforaminalStenoses.isEmpty)
    }

    @Test func followsTheFindingExtractorsNegation() throws {
        let levels = levels("Befund: L4/5: Bandscheibenvorfall ausgeschlossen.") { fixture in
            [fixture.finding("L4/5: Bandscheibenvorfall ausgeschlossen.", assertion: .absent)]
        }
        #expect(levels.isEmpty)
    }

    @Test func keepsHedgedPathology() throws {
        let levels = levels("Befund: L4/5: Kleiner Bandscheibenvorfall nicht auszuschließen.")
        #expect(try level("L4/5", in: levels).discs.map(\.kind) == [.herniation])
    }

    @Test func takesTheLevelAfterThePathologyWhenTheSentenceNamesThePathologyFirst() throws {
        let levels = levels("Beurteilung: Protrusion L4/5 und Bandscheibenvorfall L5/S1 rechts mit Kompression der Wurzel S1.")
        #expect(levels.map(\.level) == ["L4/5", "L5/S1"])
        #expect(try level("L4/5", in: levels).discs.map(\.kind) == [.protrusion])
        let l5s1 = try level("L5/S1", in: levels)
        #expect(l5s1.discs.map(\.kind) == [.herniation])
        #expect(l5s1.discs.first?.side == .right)
    }

    @Test func givesOnePathologyToEveryLevelOfAGroup() throws {
        let levels = levels("Befund: Leichtgradige Spinalkanalstenosen in Höhe L3/4 und L4/5.")
        #expect(levels.map(\.level) == ["L3/4", "L4/5"])
        #expect(levels.allSatisfy { $0.spinalCanalStenosis?.grade == .mild })
    }

    @Test func carriesTheLevelIntoFollowingSentencesOfTheSection() throws {
        let levels = levels("Befund:\nLWK 4/5:\nBreitbasige Protrusion. Absolute Spinalkanalstenose.\nBeurteilung: Keine weiteren Befunde.")
        let l45 = try level("L4/5", in: levels)
        #expect(l45.discs.map(\.kind) == [.protrusion])
        #expect(l45.spinalCanalStenosis?.qualifier == .absolute)
    }

    @Test func mergesTheImpressionsRepetitionIntoTheLevel() throws {
        let levels = levels(
            """
            Befund: L4/5: Mediolateraler Bandscheibenvorfall links mit hochgradiger Neuroforamenstenose links.
            Beurteilung: Bandscheibenvorfall L4/5 links. Neuroforamenstenose.
            """
        )
        #expect(levels.map(\.level) == ["L4/5"])
        let l45 = try level("L4/5", in: levels)
        #expect(l45.discs.count == 1)
        #expect(l45.neuroforaminalStenoses.count == 1)
        #expect(l45.neuroforaminalStenoses.first?.grade == .severe)
    }

    @Test(arguments: [
        ("leicht- bis mittelgradige Spinalkanalstenose", StenosisGrade.mildToModerate),
        ("mittel- bis hochgradige Spinalkanalstenose", .moderateToSevere),
        ("geringe Spinalkanalstenose", .mild),
        ("höhergradige Spinalkanalstenose", .severe),
        ("mäßiggradige Einengung des Spinalkanals", .moderate),
    ])
    func readsGermanStenosisGrades(_ phrase: String, grade: StenosisGrade) throws {
        let levels = levels("Befund: L4/5 \(phrase).")
        #expect(try level("L4/5", in: levels).spinalCanalStenosis?.grade == grade)
    }

    @Test func readsAnEnglishReport() throws {
        let levels = levels(
            """
            FINDINGS: At L4-L5 there is a broad-based disc bulge with moderate spinal canal stenosis and severe left neural \
            foraminal stenosis. L5-S1: small central disc protrusion without stenosis. No disc herniation at L3-L4.
            """,
            language: .en
        )
        #expect(levels.map(\.level) == ["L4/5", "L5/S1"])
        let l45 = try level("L4/5", in: levels)
        #expect(l45.discs.map(\.kind) == [.bulging])
        #expect(l45.spinalCanalStenosis?.grade == .moderate)
        #expect(l45.neuroforaminalStenoses.first?.side == .left)
        #expect(l45.neuroforaminalStenoses.first?.grade == .severe)
        let l5s1 = try level("L5/S1", in: levels)
        #expect(l5s1.discs.first?.kind == .protrusion)
        #expect(l5s1.discs.first?.position == .central)
        #expect(l5s1.spinalCanalStenosis == nil)
    }

    @Test func ordersLevelsCranialToCaudalAndListsUnleveledFindingsLast() throws {
        let levels = levels("Befund: L5/S1 Protrusion. C5/6 Bandscheibenvorfall. Th12 Wirbelkörper unauffällig.\nBeurteilung: Zusätzlich Sequester.")
        #expect(levels.map(\.level) == ["C5/6", "L5/S1", nil])
        #expect(try level(nil, in: levels).discs.map(\.kind) == [.sequestration])
    }

    @Test func ignoresTheClinicalQuestion() throws {
        let levels = levels("Fragestellung: Bandscheibenvorfall L4/5?\nBefund: Regelrechte Darstellung.")
        #expect(levels.isEmpty)
    }
}
