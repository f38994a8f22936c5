import RadScribeCore
import RadScribeLLM
import Testing

/// Sections rejected because a BI-RADS category, the breast density or a spinal level changed.
@Suite("Faithfulness guard: BI-RADS, density, spinal levels")
struct ExamDataRejectionTests {
    static let germanMammography = "Befund: ACR Typ C. Herdbefund rechts oben außen, 14 mm.\nBeurteilung: BI-RADS 4 rechts, BI-RADS 1 links."
    static let englishMammography = "Findings: Heterogeneously dense breasts. Mass in the right breast, 14 mm.\nImpression: BI-RADS 4 right."

    @Test func rejectsAChangedBiRadsCategory() throws {
        let german = try DictationFixture(Self.germanMammography, .de)
        german.expectRejected(.impression, "BI-RADS 3 rechts, BI-RADS 1 links.", for: .examDataChanged(.biRads))
        let english = try DictationFixture(Self.englishMammography, .en)
        english.expectRejected(.impression, "BI-RADS 5 right.", for: .examDataChanged(.biRads))
    }

    @Test func rejectsBiRadsCategoriesSwappedBetweenSides() throws {
        let fixture = try DictationFixture(Self.germanMammography, .de)
        fixture.expectRejected(.impression, "BI-RADS 4 links, BI-RADS 1 rechts.", for: .examDataChanged(.biRads))
    }

    @Test func rejectsADroppedBiRadsCategory() throws {
        let fixture = try DictationFixture(Self.englishMammography, .en)
        fixture.expectRejected(.impression, "Suspicious mass in the right breast, 14 mm.", for: .examDataChanged(.biRads))
    }

    @Test func rejectsABiRadsCategoryTheDictationLacks() throws {
        let fixture = try DictationFixture("Befund: Herdbefund rechts oben außen, 14 mm.", .de)
        fixture.expectRejected(.impression, "Herdbefund rechts, 14 mm, BI-RADS 4.", for: .examDataChanged(.biRads))
    }

    @Test func rejectsAChangedBreastDensity() throws {
        let german = try DictationFixture(Self.germanMammography, .de)
        german.expectRejected(.findings, "ACR Typ B. Herdbefund rechts oben außen, 14 mm.", for: .examDataChanged(.breastDensity))
        let english = try DictationFixture(Self.englishMammography, .en)
        english.expectRejected(.findings, "Extremely dense breasts. Mass in the right breast, 14 mm.", for: .examDataChanged(.breastDensity))
    }

    @Test func rejectsChangedSpinalLevels() throws {
        let german = try DictationFixture("Befund: Bandscheibenvorfall L4/5 links. Protrusion L5/S1.", .de)
        german.expectRejected(.findings, "Bandscheibenvorfall L5/S1 links. Protrusion L4/5.", for: .examDataChanged(.spinalLevel))
        let english = try DictationFixture("Findings: Disc herniation at L4-5 on the left. No spinal stenosis.", .en)
        english.expectRejected(.findings, "Left disc herniation at L3-4. No spinal stenosis.", for: .examDataChanged(.spinalLevel))
    }
}
