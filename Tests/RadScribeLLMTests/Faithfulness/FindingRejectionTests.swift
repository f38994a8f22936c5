import RadScribeCore
import RadScribeLLM
import Testing

/// Sections rejected because a concept, a negation, a side or a location was added, dropped or changed.
@Suite("Faithfulness guard: findings, negations, sides")
struct FindingRejectionTests {
    let german: DictationFixture
    let english: DictationFixture

    init() throws {
        german = try DictationFixture(FaithfulnessAcceptanceTests.germanChest, .de)
        english = try DictationFixture(FaithfulnessAcceptanceTests.englishChest, .en)
    }

    @Test func rejectsAnAddedFinding() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm. Kardiomegalie.",
            for: .addedFinding(concept: "cardiomegaly")
        )
        english.expectRejected(
            .findings,
            "Right pleural effusion. No pneumothorax. A 12 mm nodule in the left upper lobe. Mild cardiomegaly.",
            for: .addedFinding(concept: "cardiomegaly")
        )
    }

    @Test func rejectsALostNegation() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts mit Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.",
            for: .assertionChanged(concept: "pneumothorax", dictated: .absent, proposed: .present)
        )
        english.expectRejected(
            .findings,
            "Right pleural effusion. Pneumothorax. A 12 mm nodule in the left upper lobe.",
            for: .assertionChanged(concept: "pneumothorax", dictated: .absent, proposed: .present)
        )
    }

    @Test func rejectsAnAddedNegation() {
        german.expectRejected(
            .findings,
            "Kein Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.",
            for: .assertionChanged(concept: "pleural_effusion", dictated: .present, proposed: .absent)
        )
        english.expectRejected(
            .findings,
            "No right pleural effusion. No pneumothorax. A 12 mm nodule in the left upper lobe.",
            for: .assertionChanged(concept: "pleural_effusion", dictated: .present, proposed: .absent)
        )
    }

    @Test func rejectsASuspicionStatedAsCertain() throws {
        let fixture = try DictationFixture("Befund: V. a. Pneumonie rechts basal.", .de)
        fixture.expectRejected(
            .findings,
            "Pneumonie rechts basal.",
            for: .assertionChanged(concept: "pneumonia", dictated: .possible, proposed: .present)
        )
    }

    @Test func rejectsAFlippedSide() {
        german.expectRejected(
            .findings,
            "Pleuraerguss links. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.",
            for: .lateralityChanged(concept: "pleural_effusion", dictated: .right, proposed: .left)
        )
        english.expectRejected(
            .findings,
            "Left pleural effusion. No pneumothorax. A 12 mm nodule in the left upper lobe.",
            for: .lateralityChanged(concept: "pleural_effusion", dictated: .right, proposed: .left)
        )
    }

    @Test func rejectsBilateralTurnedIntoOneSideAndBack() throws {
        let german = try DictationFixture("Befund: Pleuraergüsse beidseits.", .de)
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts.",
            for: .lateralityChanged(concept: "pleural_effusion", dictated: .bilateral, proposed: .right)
        )
        let english = try DictationFixture("Findings: Left pleural effusion.", .en)
        english.expectRejected(
            .findings,
            "Bilateral pleural effusions.",
            for: .lateralityChanged(concept: "pleural_effusion", dictated: .left, proposed: .bilateral)
        )
    }

    @Test func rejectsASideAddedWhereNoneWasDictated() throws {
        let fixture = try DictationFixture("Findings: Small pneumothorax. No effusion.", .en)
        fixture.expectRejected(
            .findings,
            "Small right pneumothorax. No effusion.",
            for: .lateralityChanged(concept: "pneumothorax", dictated: nil, proposed: .right)
        )
    }

    @Test func rejectsANegationWidenedFromOneSideToBoth() throws {
        let fixture = try DictationFixture("Befund: Pleuraerguss links, kein Erguss rechts.", .de)
        fixture.expectRejected(
            .impression,
            "Kein Pleuraerguss.",
            for: .lateralityChanged(concept: "pleural_effusion", dictated: .right, proposed: nil)
        )
    }

    @Test func rejectsADroppedFinding() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts. Rundherd im linken Oberlappen, 2,3 cm.",
            for: .droppedFinding(concept: "pneumothorax")
        )
        english.expectRejected(
            .findings,
            "Right pleural effusion. A 12 mm nodule in the left upper lobe.",
            for: .droppedFinding(concept: "pneumothorax")
        )
    }

    @Test func rejectsAnImpressionThatDropsAnAssertedFinding() {
        german.expectRejected(.impression, "Kein Pneumothorax. Pleuraerguss rechts.", for: .droppedFinding(concept: "nodule"))
        english.expectRejected(.impression, "Nodule in the left upper lobe, 12 mm.", for: .droppedFinding(concept: "pleural_effusion"))
    }

    @Test func rejectsAChangedLocation() throws {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Unterlappen, 2,3 cm.",
            for: .locationChanged(dictated: "upper_lobe", proposed: "lower_lobe")
        )
        english.expectRejected(
            .impression,
            "Right pleural effusion. Left lower lobe nodule, 12 mm.",
            for: .locationChanged(dictated: "upper_lobe", proposed: "lower_lobe")
        )
        let organs = try DictationFixture("Befund: Zyste der linken Niere, 2 cm.", .de)
        organs.expectRejected(.findings, "Zyste der Leber links, 2 cm.", for: .locationChanged(dictated: "kidney", proposed: "liver"))
    }

    @Test func rejectsFindingsBackedOnlyByTheClinicalQuestion() throws {
        let german = try DictationFixture("Klinische Angaben: V. a. Pneumonie.\nBefund: Kein Infiltrat.", .de)
        german.expectRejected(.impression, "V. a. Pneumonie.", for: .addedFinding(concept: "pneumonia"))
        let english = try DictationFixture("Indication: Pulmonary embolism?\nFindings: No filling defect.", .en)
        english.expectRejected(.impression, "Possible pulmonary embolism.", for: .addedFinding(concept: "pulmonary_embolism"))
    }

    @Test func rejectsARecommendationThatIntroducesAFinding() throws {
        let german = try DictationFixture("Befund: Rundherd im rechten Oberlappen, 8 mm.\nEmpfehlung: CT-Verlaufskontrolle.", .de)
        german.expectRejected(
            .recommendation,
            "CT-Verlaufskontrolle, bei Metastasen PET-CT.",
            for: .addedFinding(concept: "metastasis")
        )
        let english = try DictationFixture("Findings: Right upper lobe nodule, 8 mm.\nRecommendation: Follow-up CT.", .en)
        english.expectRejected(.recommendation, "Follow-up CT to exclude lung cancer.", for: .addedFinding(concept: "lung_cancer"))
    }

    @Test func rejectsFindingsThatLeaveADictatedFindingToTheImpression() throws {
        let fixture = try DictationFixture("Pleuraerguss rechts. Kein Pneumothorax. Kleine Zyste der linken Niere.", .de)
        let review = fixture.review([
            .findings: "Rechtsseitiger Pleuraerguss. Zyste der linken Niere.",
            .impression: "Pleuraerguss rechts, kein Pneumothorax.",
        ])
        #expect(review.rejected[.findings] == [.droppedFinding(concept: "pneumothorax")])
        #expect(review.accepted[.impression] != nil)
    }

    @Test func needsTheUnknownSectionsOfADictationWithoutFindingsKeptInTheLLMSections() throws {
        let fixture = try DictationFixture("Nebenbefund: Zyste der linken Niere. Kein Harnstau.\nBeurteilung: Zyste der linken Niere.", .de)
        fixture.expectAccepted([.findings: "Linksseitige Nierenzyste ohne Harnstau.", .impression: "Zyste der linken Niere."])
        fixture.expectAccepted([.findings: "Zyste der linken Niere.", .impression: "Zyste der linken Niere, kein Harnstau."])
        let review = fixture.review([.findings: "Zyste der linken Niere.", .impression: "Zyste der linken Niere."])
        #expect(review.rejected[.findings] == [.droppedFinding(concept: "hydronephrosis")])
    }

    @Test func judgesEachSectionOnItsOwn() {
        let review = german.review([
            .findings: "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 cm.",
            .impression: "Pleuraerguss links. Rundherd im linken Oberlappen, 2,3 cm.",
        ])
        #expect(review.accepted[.findings] != nil)
        #expect(review.rejected[.impression] == [.lateralityChanged(concept: "pleural_effusion", dictated: .right, proposed: .left)])
        #expect(!review.isFullyAccepted)
    }
}
