import RadScribeCore
import RadScribeLLM
import Testing

/// Sections rejected because a measurement was added, dropped or changed in value or unit.
@Suite("Faithfulness guard: measurements")
struct MeasurementRejectionTests {
    let german: DictationFixture
    let english: DictationFixture

    init() throws {
        german = try DictationFixture(FaithfulnessAcceptanceTests.germanChest, .de)
        english = try DictationFixture(FaithfulnessAcceptanceTests.englishChest, .en)
    }

    @Test func rejectsAChangedValue() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,8 cm.",
            for: .measurementChanged(dictatedUnit: "cm", proposedUnit: "cm")
        )
        english.expectRejected(
            .findings,
            "Right pleural effusion. No pneumothorax. A 21 mm nodule in the left upper lobe.",
            for: .measurementChanged(dictatedUnit: "mm", proposedUnit: "mm")
        )
    }

    @Test func rejectsAChangedUnit() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen, 2,3 mm.",
            for: .measurementChanged(dictatedUnit: "cm", proposedUnit: "mm")
        )
        english.expectRejected(
            .findings,
            "Right pleural effusion. No pneumothorax. A 12 cm nodule in the left upper lobe.",
            for: .measurementChanged(dictatedUnit: "mm", proposedUnit: "cm")
        )
    }

    @Test func rejectsADroppedMeasurement() {
        german.expectRejected(
            .findings,
            "Pleuraerguss rechts. Kein Pneumothorax. Rundherd im linken Oberlappen.",
            for: .droppedMeasurement(unit: "cm")
        )
        english.expectRejected(.impression, "Right pleural effusion. Left upper lobe nodule.", for: .droppedMeasurement(unit: "mm"))
    }

    @Test func rejectsAnAddedMeasurement() throws {
        let german = try DictationFixture("Befund: Kleiner Pleuraerguss rechts.", .de)
        german.expectRejected(.findings, "Kleiner Pleuraerguss rechts, Saum 8 mm.", for: .addedMeasurement(unit: "mm"))
        let english = try DictationFixture("Findings: Simple cyst of the left kidney.", .en)
        english.expectRejected(.impression, "Simple left renal cyst, 45 HU.", for: .addedMeasurement(unit: "HU"))
    }

    @Test func readsCubicCentimetresAsMillilitres() throws {
        let fixture = try DictationFixture("Befund: Zyste der rechten Niere, 2 cm. Aszites, ca. 200 ccm.", .de)
        fixture.expectAccepted([.findings: "Rechtsseitige Nierenzyste, 20 mm. Aszites von etwa 200 ml."])
        fixture.expectRejected(
            .findings,
            "Rechtsseitige Nierenzyste, 20 mm. Aszites von etwa 250 ml.",
            for: .measurementChanged(dictatedUnit: "ccm", proposedUnit: "ml")
        )
    }

    @Test func needsEveryRepeatedMeasurementOnce() throws {
        let fixture = try DictationFixture("Befund: Zyste der rechten Niere, 2 cm. Zyste der linken Niere, 2 cm.", .de)
        fixture.expectRejected(.findings, "Nierenzysten beidseits, 2 cm.", for: .droppedMeasurement(unit: "cm"))
    }

    @Test func rejectsAChangedDimension() throws {
        let fixture = try DictationFixture("Findings: Mass in the right kidney measuring 4 x 3 cm.", .en)
        fixture.expectAccepted([.findings: "Right renal mass measuring 40 x 30 mm."])
        fixture.expectRejected(
            .findings,
            "Right renal mass measuring 4 x 3 x 2 cm.",
            for: .measurementChanged(dictatedUnit: "cm", proposedUnit: "cm")
        )
    }
}
