import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct NegationConflictCheckTests {
    private func conflicts(_ fixture: CheckFixture) -> [ReportWarning] {
        fixture.warnings().filter { $0.code == .negationConflict }
    }

    @Test func warnsWhenImpressionAssertsWhatFindingsNegateInGerman() throws {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Kein Pneumothorax.")
            .section(.impression, "Beurteilung:", "Pneumothorax rechts.")
            .finding("Kein Pneumothorax.", assertion: .absent, concepts: [.finding("pneumothorax", "Pneumothorax", assertion: .absent)])
            .finding("Pneumothorax rechts.", laterality: .right, concepts: [.finding("pneumothorax", "Pneumothorax")])
        let warning = try #require(conflicts(fixture).first)
        #expect(conflicts(fixture).count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.message == "Widerspruch: Pneumothorax ist in der Beurteilung angegeben, im Befund aber verneint.")
        #expect(fixture.evidence(of: warning) == ["Pneumothorax", "Pneumothorax"])
        #expect(warning.evidence[0].start < warning.evidence[1].start)
    }

    @Test func warnsWhenFindingsAssertWhatImpressionNegatesInEnglish() throws {
        let fixture = CheckFixture(.en)
            .section(.findings, "FINDINGS:", "Small right pleural effusion.")
            .section(.impression, "IMPRESSION:", "No pleural effusion.")
            .finding("Small right pleural effusion.", laterality: .right, concepts: [.finding("pleural_effusion", "pleural effusion")])
            .finding(
                "No pleural effusion.",
                assertion: .absent,
                concepts: [.finding("pleural_effusion", "pleural effusion", assertion: .absent)]
            )
        let warning = try #require(conflicts(fixture).first)
        #expect(warning.message == "Contradiction: pleural effusion is asserted in the findings but negated in the impression.")
        #expect(fixture.evidence(of: warning) == ["pleural effusion", "pleural effusion"])
    }

    @Test func comparesMentionsOnlyOnTheSameSide() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Pleuraerguss links, kein Erguss rechts.")
            .section(.impression, "Beurteilung:", "Pleuraerguss links.")
            .finding(
                "Pleuraerguss links, kein Erguss rechts.",
                laterality: .left,
                concepts: [
                    .finding("pleural_effusion", "Pleuraerguss"),
                    .finding("pleural_effusion", "Pleuraerguss", matched: "Erguss", assertion: .absent),
                ]
            )
            .finding("Pleuraerguss links.", in: .impression, laterality: .left, concepts: [.finding("pleural_effusion", "Pleuraerguss")])
        #expect(conflicts(fixture).isEmpty)
    }

    @Test func warnsAboutAnUnsidedNegationAgainstASidedAssertion() {
        let fixture = CheckFixture(.en)
            .section(.findings, "Findings:", "No pneumothorax.")
            .section(.impression, "Impression:", "Small left apical pneumothorax.")
            .finding("No pneumothorax.", assertion: .absent, concepts: [.finding("pneumothorax", "pneumothorax", assertion: .absent)])
            .finding("Small left apical pneumothorax.", laterality: .left, concepts: [.finding("pneumothorax", "pneumothorax")])
        #expect(conflicts(fixture).count == 1)
    }

    @Test func acceptsAHedgeAgainstANegation() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Kein sicheres Infiltrat.")
            .section(.impression, "Beurteilung:", "Beginnende Pneumonie nicht sicher auszuschließen.")
            .finding(
                "Kein sicheres Infiltrat.",
                assertion: .absent,
                concepts: [.finding("pneumonia", "Pneumonie", matched: "Infiltrat", assertion: .absent)]
            )
            .finding(
                "Beginnende Pneumonie nicht sicher auszuschließen.",
                assertion: .possible,
                concepts: [.finding("pneumonia", "Pneumonie", assertion: .possible)]
            )
        #expect(conflicts(fixture).isEmpty)
    }

    @Test func ignoresAnatomyNegatedTogetherWithALesion() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Keine Raumforderung der Leber.")
            .section(.impression, "Beurteilung:", "Steatosis der Leber.")
            .finding(
                "Keine Raumforderung der Leber.",
                assertion: .absent,
                concepts: [.finding("mass", "Raumforderung", assertion: .absent), .anatomy("liver", "Leber", assertion: .absent)]
            )
            .finding("Steatosis der Leber.", in: .impression, concepts: [.finding("steatosis", "Steatosis"), .anatomy("liver", "Leber")])
        #expect(conflicts(fixture).isEmpty)
    }

    @Test func ignoresPastHistoryMentions() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Z. n. Pneumothorax rechts. Aktuell kein Pneumothorax.")
            .section(.impression, "Beurteilung:", "Kein Pneumothorax.")
            .finding("Z. n. Pneumothorax rechts.", laterality: .right, concepts: [.finding("pneumothorax", "Pneumothorax")])
            .finding("Aktuell kein Pneumothorax.", assertion: .absent, concepts: [.finding("pneumothorax", "Pneumothorax", assertion: .absent)])
            .finding(
                "Kein Pneumothorax.",
                in: .impression,
                assertion: .absent,
                concepts: [.finding("pneumothorax", "Pneumothorax", assertion: .absent)]
            )
        #expect(conflicts(fixture).isEmpty)
    }

    @Test func acceptsAgreeingSections() {
        let fixture = CheckFixture(.en)
            .section(.findings, "Findings:", "No pneumothorax. Right lower lobe consolidation.")
            .section(.impression, "Impression:", "Right lower lobe pneumonia. No pneumothorax.")
            .finding("No pneumothorax.", assertion: .absent, concepts: [.finding("pneumothorax", "pneumothorax", assertion: .absent)])
            .finding("Right lower lobe consolidation.", laterality: .right, concepts: [.finding("consolidation", "consolidation")])
            .finding("Right lower lobe pneumonia.", laterality: .right, concepts: [.finding("pneumonia", "pneumonia")])
            .finding(
                "No pneumothorax.",
                in: .impression,
                assertion: .absent,
                concepts: [.finding("pneumothorax", "pneumothorax", assertion: .absent)]
            )
        #expect(conflicts(fixture).isEmpty)
    }
}
