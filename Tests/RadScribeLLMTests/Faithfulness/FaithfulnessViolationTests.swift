import RadScribeCore
import RadScribeLLM
import Testing

/// Violations are safe to log: codes and descriptions carry ids and units, never report text.
@Suite("Faithfulness violations")
struct FaithfulnessViolationTests {
    @Test func describesViolationsWithIdsAndUnitsOnly() {
        #expect(FaithfulnessViolation.addedFinding(concept: "cardiomegaly").description == "added_finding concept=cardiomegaly")
        #expect(
            FaithfulnessViolation.lateralityChanged(concept: "pleural_effusion", dictated: nil, proposed: .left).description
                == "laterality_changed concept=pleural_effusion dictated=none proposed=left"
        )
        #expect(
            FaithfulnessViolation.measurementChanged(dictatedUnit: "cm", proposedUnit: "mm").description
                == "measurement_changed dictated_unit=cm proposed_unit=mm"
        )
        #expect(FaithfulnessViolation.examDataChanged(.biRads).description == "exam_data_changed item=bi_rads")
        #expect(FaithfulnessViolation.refusal.description == "refusal")
    }

    @Test func namesNegationChangesByDirection() {
        #expect(FaithfulnessViolation.assertionChanged(concept: "pneumothorax", dictated: .absent, proposed: .present).code == "negation_lost")
        #expect(FaithfulnessViolation.assertionChanged(concept: "pneumothorax", dictated: .present, proposed: .absent).code == "negation_added")
        #expect(FaithfulnessViolation.assertionChanged(concept: "pneumonia", dictated: .possible, proposed: .present).code == "certainty_changed")
    }

    @Test func rejectionsNeverEchoTheDictationOrTheLLMText() throws {
        let dictation = "Befund: Pleuraerguss rechts bei Herrn Mustermann. Kein Pneumothorax. Rundherd links, 2,3 cm."
        let fixture = try DictationFixture(dictation, .de)
        let proposal = "Pneumothorax links bei Frau Musterfrau. Rundherd rechts, 2,8 cm. [PERSON_1]"
        let review = fixture.review([.findings: proposal, .impression: "Kardiomegalie bei Frau Musterfrau, 4 cm."])
        let described = review.rejected.values.flatMap { $0.map { $0.description + " " + $0.code } }
        #expect(!described.isEmpty)
        for text in described {
            for word in ["Mustermann", "Musterfrau", "Pleuraerguss", "Rundherd", "2,3", "2,8", "PERSON"] {
                #expect(!text.contains(word), "\(text)")
            }
        }
    }
}
