import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct LateralityCheckTests {
    private func lateralityWarnings(_ fixture: CheckFixture, question: Laterality? = nil) -> [ReportWarning] {
        fixture.warnings(question: question).filter { $0.code == .lateralityMismatch }
    }

    // MARK: - Clinical question against findings

    @Test func warnsWhenQuestionNamesLeftAndPathologyIsOnlyRight() throws {
        let fixture = CheckFixture(.de)
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
        let fixture = CheckFixture(.en)
            .section(.findings, "Findings:", "Consolidation in the right lower lobe.")
            .finding(
                "Consolidation in the right lower lobe.",
                laterality: .right,
                concepts: [.finding("consolidation", "consolidation", matched: "Consolidation")]
            )
        let warning = try #require(lateralityWarnings(fixture, question: .left).first)
        #expect(
            warning.message == "Laterality mismatch: the clinical question names the left side, but positive findings are only on the right."
        )
        #expect(fixture.evidence(of: warning) == ["right"])
    }

    @Test func acceptsAReportThatAlsoAddressesTheAskedSide() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Linke Niere ohne Konkrement. Konkrement im rechten Nierenbecken.")
            .finding(
                "Linke Niere ohne Konkrement.",
                assertion: .absent,
                laterality: .left,
                concepts: [.finding("kidney_stone", "Nierenstein", matched: "Konkrement", assertion: .absent)]
            )
            .finding(
                "Konkrement im rechten Nierenbecken.",
                laterality: .right,
                concepts: [.finding("kidney_stone", "Nierenstein", matched: "Konkrement")]
            )
        #expect(lateralityWarnings(fixture, question: .left).isEmpty)
    }

    @Test func acceptsPathologyOnTheAskedSide() {
        let fixture = CheckFixture(.en)
            .section(.clinicalInformation, "History:", "Left knee pain.")
            .section(.findings, "Findings:", "Small joint effusion of the left knee.")
            .finding("Left knee pain.", laterality: .left)
            .finding("Small joint effusion of the left knee.", laterality: .left, concepts: [.finding("joint_effusion", "joint effusion")])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test func ignoresNormalStatementsOnTheOtherSide() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Rechte Niere unauffällig.")
            .finding("Rechte Niere unauffällig.", laterality: .right, concepts: [.anatomy("kidney", "Niere")])
        #expect(lateralityWarnings(fixture, question: .left).isEmpty)
    }

    @Test func ignoresABilateralOrTwoSidedQuestion() {
        let fixture = CheckFixture(.de)
            .section(.clinicalInformation, "Fragestellung:", "Schmerzen links, Schwellung rechts.")
            .section(.findings, "Befund:", "Gelenkerguss rechts.")
            .finding("Schmerzen links, Schwellung rechts.", laterality: .bilateral)
            .finding("Gelenkerguss rechts.", laterality: .right, concepts: [.finding("joint_effusion", "Gelenkerguss")])
        #expect(lateralityWarnings(fixture).isEmpty)
        #expect(lateralityWarnings(fixture, question: .bilateral).isEmpty)
    }

    @Test func ignoresASideNamedOnlyAsPastHistory() {
        let fixture = CheckFixture(.de)
            .section(.clinicalInformation, "Klinische Angaben:", "Z. n. Mastektomie links. Nachsorge.")
            .section(.findings, "Befund:", "Neuer Herd von 9 mm in der rechten Mamma.")
            .finding("Z. n. Mastektomie links.", laterality: .left)
            .finding("Neuer Herd von 9 mm in der rechten Mamma.", laterality: .right, concepts: [.finding("breast_mass", "Herd")])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test func keepsASideNamedAfterAHistoryClause() {
        let fixture = CheckFixture(.de)
            .section(.clinicalInformation, "Klinische Angaben:", "Z. n. Sturz, Schmerzen links.")
            .section(.findings, "Befund:", "Rippenfraktur rechts.")
            .finding("Z. n. Sturz, Schmerzen links.", laterality: .left)
            .finding("Rippenfraktur rechts.", laterality: .right, concepts: [.finding("rib_fracture", "Rippenfraktur")])
        #expect(lateralityWarnings(fixture).count == 1)
    }

    // MARK: - Findings against impression

    @Test func warnsWhenFindingsAndImpressionGiveOppositeSidesInGerman() throws {
        let fixture = CheckFixture(.de)
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
        let fixture = CheckFixture(.en)
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
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Pleuraergüsse beidseits, links betont.")
            .section(.impression, "Beurteilung:", "Pleuraerguss links.")
            .finding(
                "Pleuraergüsse beidseits, links betont.",
                laterality: .bilateral,
                concepts: [.finding("pleural_effusion", "Pleuraerguss", matched: "Pleuraergüsse")]
            )
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
        let fixture = CheckFixture(language)
            .section(.findings, nil, sentence)
            .finding(
                sentence,
                laterality: .left,
                locations: ["kidney"],
                concepts: [.finding("renal_cyst", "renal cyst", matched: language == .de ? "Zyste" : "cyst")]
            )
        let warning = try #require(lateralityWarnings(fixture).first)
        #expect(fixture.evidence(of: warning) == evidence)
        let expectedMessage =
            language == .de
            ? "Seitenwiderspruch in einem Befund: links und rechts für dieselbe Struktur."
            : "Laterality mismatch within one finding: left and right for the same structure."
        #expect(warning.message == expectedMessage)
    }

    @Test(arguments: [
        ("Niere links 11 cm, rechts 12 cm.", "kidney"),
        ("niere links 11 cm rechts 12 cm", "kidney"),
        ("Rechte Niere nach links verlagert.", "kidney"),
        ("Nierenzysten rechts mehr als links.", "kidney"),
        ("Zysten der Nieren beidseits, links bis 2 cm.", "kidney"),
        ("Raumforderung der rechten Nebenniere und Adenom der linken Nebenniere.", "adrenal_gland"),
        ("Left ovary with a cyst, right ovary unremarkable.", "ovary"),
        ("Right greater than left hydronephrosis.", "kidney"),
        ("Right testis with hydrocele while the left is normal.", "testis"),
    ])
    func acceptsLegitimateTwoSidedSentencesAboutOnePairedOrgan(sentence: String, organ: String) {
        let fixture = CheckFixture(.de)
            .section(.findings, nil, sentence)
            .finding(sentence, laterality: .bilateral, locations: [organ])
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test(arguments: [
        ("Pleuraerguss links mit Verlagerung des Mediastinums nach rechts.", ["pleura"]),
        ("Rundherd im rechten Oberlappen mit Satellit im linken Unterlappen.", ["lung"]),
        ("Moderate left basilar consolidation with mild right basilar opacities.", ["lung"]),
        ("Dilatation des linken Ventrikels bei normal großem rechten Ventrikel.", ["heart"]),
        ("Hämangiom im linken Leberlappen mit Ausläufer in den rechten Leberlappen.", ["liver"]),
        ("Rechte Niere kaudal der linken Nebenniere.", ["kidney", "adrenal_gland"]),
        ("Left kidney with a right-sided cyst.", []),
    ])
    func leavesOutSentencesThatAreNotAboutOnePairedOrgan(sentence: String, locations: [String]) {
        let fixture = CheckFixture(.en)
            .section(.findings, nil, sentence)
            .finding(sentence, laterality: .bilateral, locations: locations)
        #expect(lateralityWarnings(fixture).isEmpty)
    }

    @Test func ignoresNegatedSentences() {
        let sentence = "Keine Zyste der linken Niere rechts."
        let fixture = CheckFixture(.de)
            .section(.findings, nil, sentence)
            .finding(
                sentence,
                assertion: .absent,
                locations: ["kidney"],
                concepts: [.finding("renal_cyst", "Nierenzyste", matched: "Zyste", assertion: .absent)]
            )
        #expect(lateralityWarnings(fixture).isEmpty)
    }
}
