import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct LateralityCheckTests {
    private func lateralityWarnings(_ fixture: ReportFixture, question: Laterality? = nil) -> [ReportWarning] {
        fixture.warnings(question: question).filter { $0.code == .lateralityMismatch }
    }

    // MARK: - Clinical question against findings

    @Test func warnsWhenQuestionNamesLeftAndPathologyIsOnlyRight() throws {
        let fixture = ReportFixture(.de)
            .section(.clinicalInformation, "Klinische Angaben:", "Nierenkolik links.")
            .section(.findings, "Befund:", "Konkrement im rechten Harnleiter mit Harnaufstau.")
            .section(.impression, "Beurteilung:", "Harnleiterkonkrement rechts.")
            .finding("Nierenkolik links.", laterality: .left, concepts: [.finding("renal_colic", "Nierenkolik")])
            .finding(
                "Konkrement im rechten Harnleiter mit Harnaufstau.",
                laterality: .right,
                concepts: [.finding("ureteral_stone", "Harnleiterkonkrement", matched: "Konkrement")]
            )
            .finding("Harnleiterkonkrement rechts.", laterality: .right, concepts: [.finding("ureteral_stone", "Harnleiterkonkrement")])
        let warning = try #require(lateralityWarnings(fixture).first)
        #expect(lateralityWarnings(fixture).count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.message == "Seitenwiderspruch: Fragestellung links, pathologische Befunde nur rechts.")
        #expect(fixture.evidence(of: warning) == ["links", "rechten", "rechts"])
    }

    @Test func usesTheCallersQuestionSideInEnglish() throws {
        let fixture = ReportFixture(.en)
            .section(.findings, "Findings:", "Consolidation in the right lower lobe.")
            .finding("Consolidation in the right lower lobe.", laterality: .right, concepts: [.finding("consolidation", "consolidation", matched: "Consolidation")])
        let warning = try #require(lateralityWarnings(fixture, question: .left).first)
        #expect(
            warning.message == "Laterality mismatch: the clinical question names the left side, but positive findings are only on the right."
        )
        #expect(fixture.evidence(of: warning) == ["right"])
    }

    @Test func acceptsAReportThatAlsoAddressesTheAskedSide() {
        let fixture = ReportFixture(.de)
            .section(.findings, "Befund:", "Linke Niere ohne Konkrement. Konkrement im rechten Nierenbecken.")
            .finding("Linke Niere ohne Konkrement.", assertion: .absent, laterality: .left, concepts: [.finding("kidney_stone", "Nierenstein", matched: "Konkrement", assertion: .absent)])
            .finding("Konkrement im rechten Nierenbecken.", laterality: .right, concepts: [.finding("kidney_stone", "Nierenstein", matched: "Konkrement")])
        #expect(lateralityWarnings(fixture, question: .left).isEmpty)
    }

    @Test func acceptsPathologyOnTheAskedSide() {
        let fixture = ReportFixture(.en)
            .section(.clinicalInformation, "History:", "Left knee pain.")
            .section(.findings, "Findings:", "Small joint effusion of the left knee.")
            .finding("Left knee pain.", laterality: .left)
            .finding("Small joint effusion of the left knee.", laterality: .left, concepts: [.finding("joint_effusion", "joint effusion")])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test func ignoresNormalStatementsOnTheOtherSide() {
        let fixture = ReportFixture(.de)
            .section(.findings, "Befund:", "Rechte Niere unauffällig.")
            .finding("Rechte Niere unauffällig.", laterality: .right, concepts: [.anatomy("kidney", "Niere")])
        #expect(lateralityWarnings(fixture, question: .left).isEmpty)
    }

    @Test func ignoresABilateralOrTwoSidedQuestion() {
        let fixture = ReportFixture(.de)
            .section(.clinicalInformation, "Fragestellung:", "Schmerzen links, Schwellung rechts.")
            .section(.findings, "Befund:", "Gelenkerguss rechts.")
            .finding("Schmerzen links, Schwellung rechts.", laterality: .bilateral)
            .finding("Gelenkerguss rechts.", laterality: .right, concepts: [.finding("joint_effusion", "Gelenkerguss")])
        #expect(lateralityWarnings(fixture).isEmpty)
        #expect(lateralityWarnings(fixture, question: .bilateral).isEmpty)
    }

    // MARK: - Findings against impression

    @Test func warnsWhenFindingsAndImpressionGiveOppositeSidesInGerman() throws {
        let fixture = ReportFixture(.de)
            .section(.findings, "Befund:", "Pleuraerguss links.")
            .section(.impression, "Beurteilung:", "Pleuraerguss rechts.")
            .finding("Pleuraerguss links.", in: .findings, laterality: .left, concepts: [.finding("pleural_effusion", "Pleuraerguss")])
            .finding("Pleuraerguss rechts.", in: .impression, laterality: .right, concepts: [.finding("pleural_effusion", "Pleuraerguss")])
        let warning = try #require(lateralityWarnings(fixture).first)
        #expect(lateralityWarnings(fixture).count == 1)
        #expect(warning.message == "Seitenwiderspruch: Pleuraerguss steht im Befund links, in der Beurteilung rechts.")
        #expect(fixture.evidence(of: warning) == ["Pleuraerguss", "Pleuraerguss"])
        #expect(warning.evidence[0].start < warning.evidence[1].start)
    }

    @Test func warnsWhenFindingsAndImpressionGiveOppositeSidesInEnglish() throws {
        let fixture = ReportFixture(.en)
            .section(.findings, "Findings:", "Displaced fracture of the right distal radius.")
            .section(.impression, "Impression:", "Left distal radius fracture.")
            .finding(
                "Displaced fracture of the right distal radius.",
                laterality: .right,
                concepts: [.finding("radius_fracture", "distal radius fracture", matched: "fracture")]
            )
            .finding(
                "Left distal radius fracture.",
                in: .impression,
                laterality: .left,
                concepts: [.finding("radius_fracture", "distal radius fracture", matched: "distal radius fracture")]
            )
        let warning = try #require(lateralityWarnings(fixture).first)
        #expect(warning.message == "Laterality mismatch: distal radius fracture is right in the findings but left in the impression.")
        #expect(fixture.evidence(of: warning) == ["fracture", "distal radius fracture"])
    }

    @Test func acceptsABilateralMentionInEitherSection() {
        let fixture = ReportFixture(.de)
            .section(.findings, "Befund:", "Pleuraergüsse beidseits, links betont.")
            .section(.impression, "Beurteilung:", "Pleuraerguss links.")
            .finding("Pleuraergüsse beidseits, links betont.", laterality: .bilateral, concepts: [.finding("pleural_effusion", "Pleuraerguss", matched: "Pleuraergüsse")])
            .finding("Pleuraerguss links.", in: .impression, laterality: .left, concepts: [.finding("pleural_effusion", "Pleuraerguss")])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    // MARK: - Within one clause

    @Test(arguments: [
        ("Linke Niere mit rechtsseitiger Zyste.", Language.de, ["Linke", "rechtsseitiger"]),
        ("Zyste der rechten Niere links.", Language.de, ["rechten", "links"]),
        ("Left kidney with a right-sided cyst.", Language.en, ["Left", "right"]),
    ])
    func warnsWhenOneClauseGivesOneOrganBothSides(sentence: String, language: Language, evidence: [String]) throws {
        let fixture = ReportFixture(language)
            .section(.findings, nil, sentence)
            .finding(sentence, laterality: .left, locations: ["kidney"], concepts: [.finding("renal_cyst", "renal cyst", matched: language == .de ? "Zyste" : "cyst")])
        let warning = try #require(lateralityWarnings(fixture).first)
        #expect(fixture.evidence(of: warning) == evidence)
        let expectedMessage =
            language == .de
            ? "Seitenwiderspruch in einem Befund: links und rechts für dieselbe Struktur."
            : "Laterality mismatch within one finding: left and right for the same structure."
        #expect(warning.message == expectedMessage)
    }

    @Test(arguments: [
        "Pleuraerguss links mit Verlagerung des Mediastinums nach rechts.",
        "Niere links 11 cm, rechts 12 cm.",
        "niere links 11 cm rechts 12 cm",
        "Rundherd im rechten Oberlappen und im linken Unterlappen.",
        "Dilatation des linken Ventrikels bei normal großem rechten Ventrikel.",
        "Zysten der Nieren beidseits, links bis 2 cm.",
        "Hämangiom im linken Leberlappen bis in den rechten Leberlappen reichend.",
        "Left pleural effusion with mediastinal shift to the right.",
        "Right greater than left basilar atelectasis.",
        "Small bilateral effusions, left more than right.",
        "Opacity in the right upper lobe and in the left lower lobe.",
    ])
    func acceptsLegitimateTwoSidedSentences(_ sentence: String) {
        let fixture = ReportFixture(.de)
            .section(.findings, nil, sentence)
            .finding(sentence, laterality: .bilateral, concepts: [.finding("lesion", "Läsion", matched: String(sentence.prefix(4)))])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test func acceptsTwoOrgansOnDifferentSides() {
        let sentence = "Rechte Niere kaudal der linken Nebenniere."
        let fixture = ReportFixture(.de)
            .section(.findings, nil, sentence)
            .finding(sentence, laterality: .right, locations: ["kidney", "adrenal_gland"])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test func ignoresNegatedSentences() {
        let sentence = "Kein Erguss links oder rechts."
        let fixture = ReportFixture(.de)
            .section(.findings, nil, sentence)
            .finding(sentence, assertion: .absent, concepts: [.finding("pleural_effusion", "Pleuraerguss", matched: "Erguss", assertion: .absent)])
        #expect(lateralityWarnings(fixture).isEmpty)
    }
}
