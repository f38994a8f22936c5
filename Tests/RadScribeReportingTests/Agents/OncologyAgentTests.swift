import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Oncology agent")
struct OncologyAgentTests {
    @Test func sumsTargetLesionsWithPriorsAndDerivesPartialResponse() throws {
        let text = """
            Befund: Lebermetastase Segment VII 15 mm (zuvor 2,5 cm). Lymphknoten paraaortal 15 x 10 mm, zuvor 20 x 14 mm. \
            Pulmonaler Rundherd rechts 9 mm (zuvor 13 mm).
            Beurteilung: Partielle Remission. Lebermetastase 15 mm.
            """
        let fixture = ReportFixture(text)
        let findings = [
            fixture.finding(
                "Lebermetastase Segment VII 15 mm (zuvor 2,5 cm).",
                measurements: [fixture.measurement("15 mm", [15], "mm"), fixture.measurement("2,5 cm", [2.5], "cm")]
            ),
            fixture.finding(
                "Lymphknoten paraaortal 15 x 10 mm, zuvor 20 x 14 mm.",
                measurements: [fixture.measurement("15 x 10 mm", [15, 10], "mm"), fixture.measurement("20 x 14 mm", [20, 14], "mm")]
            ),
            fixture.finding(
                "Pulmonaler Rundherd rechts 9 mm (zuvor 13 mm).",
                measurements: [fixture.measurement("9 mm", [9], "mm"), fixture.measurement("13 mm", [13], "mm")]
            ),
            fixture.finding("Partielle Remission.", section: .impression),
            fixture.finding(
                "Lebermetastase 15 mm.",
                section: .impression,
                measurements: [fixture.measurement("15 mm", [15], "mm", occurrence: 2)]
            ),
        ]
        let data = fixture.extract([.oncology], findings: findings)
        let oncology = try #require(data.oncology)
        #expect(oncology.targetLesions.map(\.location) == ["liver", "lymph_node", "lung"])
        #expect(oncology.targetLesions.map(\.diameterMillimeters) == [15, 10, 9])
        #expect(oncology.targetLesions.map(\.priorDiameterMillimeters) == [25, 14, 13])
        #expect(oncology.targetLesions.map(\.isLymphNode) == [false, true, false])
        #expect(oncology.targetLesions.first?.prior?.text == "2,5 cm")
        #expect(oncology.sumOfDiametersMillimeters == 34)
        #expect(oncology.priorSumOfDiametersMillimeters == 52)
        #expect(oncology.recistCategory == .partialResponse)
        #expect(oncology.responseStatements.map(\.term) == [.partialResponse])
        #expect(data.measurements.count == 3)
    }

    @Test func readsFromToPriorsInEnglishAndDerivesProgression() throws {
        let text = "FINDINGS: The liver metastasis increased in size from 21 to 30 mm. New lesion in segment II."
        let fixture = ReportFixture(text, language: .en)
        let findings = [
            fixture.finding(
                "The liver metastasis increased in size from 21 to 30 mm.",
                measurements: [fixture.measurement("30 mm", [30], "mm")]
            ),
            fixture.finding("New lesion in segment II."),
        ]
        let oncology = try #require(fixture.extract([.oncology], findings: findings).oncology)
        let lesion = try #require(oncology.targetLesions.first)
        #expect(lesion.diameterMillimeters == 30)
        #expect(lesion.priorDiameterMillimeters == 21)
        #expect(lesion.prior?.text == "21")
        #expect(oncology.responseStatements.map(\.term) == [.progression])
        #expect(oncology.newLesions.map(\.text) == ["New lesion in segment II."])
        #expect(oncology.recistCategory == .progressiveDisease)
    }

    @Test func readsPreviouslyAsAPriorCue() throws {
        let text = "Findings: Lung nodule 14 mm, previously 21 mm. No new lesions."
        let fixture = ReportFixture(text, language: .en)
        let findings = [
            fixture.finding(
                "Lung nodule 14 mm, previously 21 mm.",
                measurements: [fixture.measurement("14 mm", [14], "mm"), fixture.measurement("21 mm", [21], "mm")]
            ),
            fixture.finding("No new lesions.", assertion: .absent),
        ]
        let oncology = try #require(fixture.extract([.oncology], findings: findings).oncology)
        #expect(oncology.targetLesions.map(\.priorDiameterMillimeters) == [21])
        #expect(oncology.newLesions.isEmpty)
        #expect(oncology.recistCategory == .partialResponse)
    }

    @Test(arguments: [
        (40.0, 50.0, RecistCategory.stableDisease), (60, 50, .progressiveDisease), (34, 50, .partialResponse), (0, 50, .completeResponse),
        (12, 10, .stableDisease),
    ])
    func appliesRecistThresholds(sum: Double, priorSum: Double, expected: RecistCategory) {
        #expect(OncologyAgent.category(sum: sum, priorSum: priorSum, hasNewLesions: false) == expected)
    }

    @Test func givesNoCategoryWithoutPriorsOrNewLesions() {
        #expect(OncologyAgent.category(sum: 30, priorSum: nil, hasNewLesions: false) == nil)
        #expect(OncologyAgent.category(sum: nil, priorSum: nil, hasNewLesions: true) == .progressiveDisease)
    }

    @Test func takesAtMostTwoTargetsPerOrganAndFiveInAll() throws {
        let sentences = (1...4).map { "Lebermetastase \($0): \($0 + 10) mm." } + (1...4).map { "Lungenmetastase \($0): \($0 + 20) mm." }
        let fixture = ReportFixture("Befund: " + sentences.joined(separator: " "))
        let findings = sentences.enumerated().map { offset, sentence in
            let number = offset < 4 ? offset + 11 : offset + 17
            return fixture.finding(sentence, measurements: [fixture.measurement("\(number) mm", [Double(number)], "mm")])
        }
        let oncology = try #require(fixture.extract([.oncology], findings: findings).oncology)
        #expect(oncology.targetLesions.map(\.location) == ["liver", "liver", "lung", "lung"])
        #expect(oncology.targetLesions.map(\.diameterMillimeters) == [11, 12, 21, 22])
        #expect(oncology.sumOfDiametersMillimeters == 66)
    }

    @Test func readsGermanResponseWordsAndSkipsNegatedOnes() throws {
        let fixture = ReportFixture(
            "Beurteilung: Größenprogrediente Lebermetastasen. Lymphknoten stabil. Keine Progression ossär. Komplette Remission pulmonal."
        )
        let oncology = try #require(fixture.extract([.oncology]).oncology)
        #expect(oncology.responseStatements.map(\.term) == [.progression, .stable, .completeResponse])
        #expect(oncology.responseStatements.map(\.text) == ["Größenprogrediente", "stabil", "Komplette Remission"])
    }

    @Test func ignoresMeasurementsOfStatementsWithoutALesion() throws {
        let fixture = ReportFixture("Befund: Milz 11 cm.")
        let findings = [fixture.finding("Milz 11 cm.", measurements: [fixture.measurement("11 cm", [11], "cm")])]
        let oncology = try #require(fixture.extract([.oncology], findings: findings).oncology)
        #expect(oncology.targetLesions.isEmpty)
        #expect(oncology.sumOfDiametersMillimeters == nil)
    }
}
