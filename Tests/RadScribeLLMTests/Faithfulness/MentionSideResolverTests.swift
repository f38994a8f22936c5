import RadScribeCore
import RadScribeReporting
import Testing

@testable import RadScribeLLM

/// The side each concept mention is stated for: from its clause, its statement, a side-only clause or an organ heading.
@Suite("Mention sides")
struct MentionSideResolverTests {
    let resolver = MentionSideResolver()
    let engine = ReportEngine()

    /// Each concept id of the dictation's findings with its side.
    func sides(_ dictation: String, _ language: Language) throws -> [String: MentionSide] {
        let report = try engine.structure(dictation, language: .fixed(language))
        var result: [String: MentionSide] = [:]
        for (finding, sides) in zip(report.findings, resolver.sides(of: report.findings, language: language)) {
            for (mention, side) in zip(finding.concepts, sides) { result[mention.concept] = side }
        }
        return result
    }

    @Test func keepsASideInItsOwnClause() throws {
        let german = try sides("Befund: Pleuraerguss links, kein Pneumothorax.", .de)
        #expect(german["pleural_effusion"] == .stated(.left))
        #expect(german["pneumothorax"] == MentionSide.unsided)
        let english = try sides("Findings: Left pleural effusion; no pneumothorax.", .en)
        #expect(english["pleural_effusion"] == .stated(.left))
        #expect(english["pneumothorax"] == MentionSide.unsided)
    }

    @Test func infersTheSideOfAClauseWithoutConcepts() throws {
        let german = try sides("Befund: Rechts basal, angrenzend an das Zwerchfell, ein kleiner Pleuraerguss.", .de)
        #expect(german["pleural_effusion"] == .inferred(.right))
        let english = try sides("Findings: Small pleural effusion, on the left.", .en)
        #expect(english["pleural_effusion"] == .inferred(.left))
    }

    @Test func givesEachClauseItsOwnSide() throws {
        let result = try sides("Befund: Pleuraerguss links, Atelektase rechts.", .de)
        #expect(result["pleural_effusion"] == .stated(.left))
        #expect(result["atelectasis"] == .stated(.right))
    }

    @Test func givesEachStatementOfAClauseItsOwnSide() throws {
        let german = try sides("Befund: Rechtsseitiger Pleuraerguss sowie Rundherd im linken Oberlappen.", .de)
        #expect(german["pleural_effusion"] == .stated(.right))
        #expect(german["nodule"] == .stated(.left))
        let english = try sides("Findings: Right pleural effusion and atelectasis on the left.", .en)
        #expect(english["pleural_effusion"] == .stated(.right))
        #expect(english["atelectasis"] == .stated(.left))
    }

    @Test func sharesOneSideAcrossTheStatementsOfAClause() throws {
        let shared = try sides("Befund: Pleuraerguss und Atelektase links.", .de)
        #expect(shared["pleural_effusion"] == .inferred(.left))
        #expect(shared["atelectasis"] == .stated(.left))
        let bothSides = try sides("Findings: Pleural effusion on the left and on the right, with atelectasis.", .en)
        #expect(bothSides["pleural_effusion"] == .stated(.bilateral))
    }

    @Test func readsDecimalCommasAsPartOfTheClause() throws {
        let result = try sides("Befund: Rundherd 2,3 cm links.", .de)
        #expect(result["nodule"] == .stated(.left))
    }

    @Test func lendsTheSideOfAnOrganHeadingToFollowingSentences() throws {
        let result = try sides("Befund: Rechte Niere 11 cm. Kein Harnstau. Die Leber ohne Raumforderung.", .de)
        #expect(result["hydronephrosis"] == .inferred(.right))
        #expect(result["mass"] == MentionSide.unsided)
    }
}
