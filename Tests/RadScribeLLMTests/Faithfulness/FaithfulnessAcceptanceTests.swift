import RadScribeCore
import RadScribeLLM
import Testing

/// What an LLM may do to a report: reword, reorder, correct, expand, use synonyms and summarise.
@Suite("Faithfulness guard: accepted improvements")
struct FaithfulnessAcceptanceTests {
    static let germanChest = """
        Klinische Angaben: Dyspnoe.
        Befund: Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.
        Beurteilung: Pleuraerguss rechts. Rundherd im linken Oberlappen, 2,3 cm. Kein Pneumothorax.
        """
    static let englishChest = """
        CLINICAL HISTORY: Shortness of breath.
        FINDINGS: Right pleural effusion. No pneumothorax. A 12 mm nodule in the left upper lobe.
        IMPRESSION: Right pleural effusion. Left upper lobe nodule, 12 mm.
        """

    @Test func acceptsGermanRewordingAndReordering() throws {
        let fixture = try DictationFixture(Self.germanChest, .de)
        fixture.expectAccepted([
            .findings: "Im linken Oberlappen zeigt sich ein Rundherd mit 2,3 cm Durchmesser. Rechtsseitiger Pleuraerguss. "
                + "Kein Nachweis eines Pneumothorax.",
            .impression: "Kein Pneumothorax. Rechtsseitiger Pleuraerguss sowie Rundherd im linken Oberlappen (2,3 cm).",
        ])
    }

    @Test func acceptsEnglishRewordingAndReordering() throws {
        let fixture = try DictationFixture(Self.englishChest, .en)
        fixture.expectAccepted([
            .findings: "There is no evidence of pneumothorax. A nodule measuring 12 mm is seen in the left upper lobe. "
                + "There is a pleural effusion on the right.",
            .impression: "1. Right-sided pleural effusion. 2. Nodule in the left upper lobe measuring 12 mm.",
        ])
    }

    @Test func acceptsTheSameLengthInAnotherUnit() throws {
        let german = try DictationFixture(Self.germanChest, .de)
        german.expectAccepted([.findings: "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 23 mm."])
        let english = try DictationFixture(Self.englishChest, .en)
        english.expectAccepted([.findings: "Right pleural effusion. No pneumothorax. A 1.2 cm nodule in the left upper lobe."])
    }

    @Test func acceptsSynonymsOfTheSameConcept() throws {
        let german = try DictationFixture("Befund: Pneumonie im rechten Unterlappen. Kein Erguss.", .de)
        german.expectAccepted([.findings: "Lungenentzündung im rechten Unterlappen. Kein Pleuraerguss."])
        let english = try DictationFixture("Findings: Small PTX on the left. No effusion.", .en)
        english.expectAccepted([.findings: "Small left pneumothorax. No pleural effusion."])
    }

    @Test func acceptsExpandedAbbreviationsAndCorrectedGrammar() throws {
        let german = try DictationFixture("Befund: V. a. Pneumonie li. basal, kein Pleuraerguss. Die Herz ist normal gross.", .de)
        german.expectAccepted([.findings: "Verdacht auf Pneumonie links basal, kein Pleuraerguss. Das Herz ist normal groß."])
        let english = try DictationFixture("Findings: No PTX. Possible pneumonia in the right lower lobe, effusion not seen.", .en)
        english.expectAccepted([.findings: "No pneumothorax. Possible pneumonia in the right lower lobe; no pleural effusion is seen."])
    }

    @Test func acceptsAnImpressionThatLeavesOutMinorNegativeFindings() throws {
        let german = try DictationFixture(
            "Befund: Pleuraerguss rechts. Kein Pneumothorax. Keine Fraktur.\nBeurteilung: Pleuraerguss rechts. Kein Pneumothorax. Keine Fraktur.",
            .de
        )
        german.expectAccepted([.impression: "Rechtsseitiger Pleuraerguss."])
        let english = try DictationFixture(
            "Findings: Right pleural effusion. No pneumothorax. No fracture.\nImpression: Right pleural effusion. No pneumothorax. No fracture.",
            .en
        )
        english.expectAccepted([.impression: "Right pleural effusion."])
    }

    @Test func acceptsANewImpressionThatOnlyRestatesDictatedFindings() throws {
        let german = try DictationFixture("Befund: Pleuraerguss rechts. Kein Pneumothorax.", .de)
        german.expectAccepted([.impression: "Pleuraerguss rechts, kein Pneumothorax."])
        let english = try DictationFixture("Findings: Right pleural effusion. No pneumothorax.", .en)
        english.expectAccepted([.impression: "Right pleural effusion without pneumothorax."])
    }

    @Test func acceptsLocationsLeftOutOrAddedAsContext() throws {
        let english = try DictationFixture("Findings: Heart size is mildly enlarged. No pneumothorax.", .en)
        english.expectAccepted([.findings: "Mild cardiomegaly. No pneumothorax."])
        let german = try DictationFixture("Befund: Kein Infiltrat. Keine Stauung.", .de)
        german.expectAccepted([.findings: "Lunge ohne Infiltrat. Keine Stauung."])
    }

    @Test func ignoresSideWordsAroundModalitiesAndDescriptors() throws {
        let fixture = try DictationFixture("Befund: Mammographie beidseits in zwei Ebenen. Kein Herdbefund.", .de)
        fixture.expectAccepted([.findings: "Mammographie in zwei Ebenen, kein Herdbefund."])
    }

    @Test func acceptsMergedSentencesThatKeepTheSideOfAnOrganHeading() throws {
        let fixture = try DictationFixture("Befund: Rechte Niere 11 cm. Kein Harnstau. Keine Konkremente.", .de)
        fixture.expectAccepted([.findings: "Rechte Niere 11 cm, ohne Harnstau und ohne Konkremente."])
    }

    @Test func acceptsSpokenNumbersAndReturnsTheNormalisedText() throws {
        let fixture = try DictationFixture(Self.germanChest, .de)
        let accepted = fixture.expectAccepted([
            .findings: "  Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, zwei Komma drei Zentimeter.\n"
        ])
        #expect(accepted[.findings] == "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.")
    }

    @Test func acceptsASpineReportWithLevelsWrittenAnotherWay() throws {
        let fixture = try DictationFixture(
            "Befund: Bandscheibenvorfall in Höhe LWK 4/5 links. Keine Spinalkanalstenose.\nBeurteilung: Bandscheibenvorfall L4/5 links.",
            .de
        )
        fixture.expectAccepted([
            .findings: "Linksseitiger Bandscheibenvorfall L4/5. Kein Nachweis einer Spinalkanalstenose.",
            .impression: "Bandscheibenvorfall in Höhe LWK 4/5 links.",
        ])
    }

    @Test func acceptsAMammographyReportWithTheSameCategories() throws {
        let fixture = try DictationFixture(
            "Befund: ACR Typ C. Herdbefund rechts oben außen, 14 mm.\nBeurteilung: BI-RADS 4 rechts, BI-RADS 1 links.",
            .de
        )
        fixture.expectAccepted([
            .findings: "Dichte ACR Typ C. Rechts oben außen Herdbefund von 14 mm.",
            .impression: "Rechts BI-RADS 4. Links BI-RADS 1.",
        ])
    }

    @Test func acceptsAnEmptySectionTheDictationLacksToo() throws {
        let fixture = try DictationFixture("Befund: Kein Pneumothorax.", .de)
        let accepted = fixture.expectAccepted([.recommendation: "  "])
        #expect(accepted[.recommendation] == "")
    }

    @Test func leavesSectionsOutsideTheCandidateUnreviewed() throws {
        let fixture = try DictationFixture(Self.germanChest, .de)
        let review = fixture.review([.impression: "Pleuraerguss rechts. Rundherd im linken Oberlappen, 2,3 cm."])
        #expect(Set(review.accepted.keys) == [.impression])
        #expect(review.isFullyAccepted)
        #expect(fixture.review([:]) == FaithfulnessReview())
    }
}
