import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct MeasurementPlausibilityCheckTests {
    private func measurementWarnings(
        _ sentence: String,
        _ language: Language,
        locations: [String] = [],
        _ size: CheckFixture.Size
    ) -> (fixture: CheckFixture, warnings: [ReportWarning]) {
        let fixture = CheckFixture(language)
            .section(.findings, nil, sentence)
            .finding(sentence, locations: locations, measurements: [size])
        return (fixture, fixture.warnings().filter { $0.code == .implausibleMeasurement })
    }

    @Test func flagsARenalLesionOfFortyFiveCentimetresInGerman() throws {
        let (fixture, warnings) = measurementWarnings(
            "Zyste der linken Niere von 45 cm.",
            .de,
            locations: ["kidney"],
            .length("45 cm", 45, unit: "cm")
        )
        let warning = try #require(warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "Unplausibler Messwert (Niere): 45 cm – Einheitenfehler?")
        #expect(fixture.evidence(of: warning) == ["45 cm"])
    }

    @Test func flagsALymphNodeOfFifteenCentimetresInEnglish() throws {
        let (_, warnings) = measurementWarnings(
            "Enlarged mediastinal lymph node measuring 15 cm.",
            .en,
            locations: ["lymph_node"],
            .length("15 cm", 15, unit: "cm")
        )
        let warning = try #require(warnings.first)
        #expect(warning.message == "Implausible measurement (lymph node): 15 cm – unit slip?")
    }

    @Test func judgesTheAortaByItsDiameter() {
        let wide = measurementWarnings("Aortendurchmesser 20 cm.", .de, locations: ["aorta"], .length("20 cm", 20, unit: "cm"))
        let longAneurysm = measurementWarnings(
            "Infrarenales Aortenaneurysma 6 x 5 x 14 cm.",
            .de,
            locations: ["aorta"],
            .length("6 x 5 x 14 cm", 6, 5, 14, unit: "cm")
        )
        #expect(wide.warnings.map(\.message) == ["Unplausibler Messwert (Aorta): 20 cm – Einheitenfehler?"])
        #expect(longAneurysm.warnings.isEmpty)
    }

    @Test func flagsAnyLengthAboveFiftyCentimetres() throws {
        let (_, german) = measurementWarnings("Raumforderung von 60 cm.", .de, .length("60 cm", 60, unit: "cm"))
        let (_, english) = measurementWarnings("Soft tissue mass measuring 700 mm.", .en, .length("700 mm", 700, unit: "mm"))
        #expect(german.map(\.message) == ["Unplausibler Messwert: 60 cm – Einheitenfehler?"])
        #expect(english.map(\.message) == ["Implausible measurement: 700 mm – unit slip?"])
    }

    @Test func flagsLengthsBelowATenthOfAMillimetreButNotZero() {
        let tiny = measurementWarnings("Nodule of 0.05 mm in the right upper lobe.", .en, .length("0.05 mm", 0.05, unit: "mm"))
        let margin = measurementWarnings("Resektionsrand 0 mm.", .de, .length("0 mm", 0, unit: "mm"))
        #expect(tiny.warnings.map(\.message) == ["Implausible measurement: 0.05 mm – unit slip?"])
        #expect(margin.warnings.isEmpty)
    }

    @Test func flagsPercentagesAboveOneHundred() {
        let german = measurementWarnings("LVEF 150 %.", .de, .percent("150 %", 150))
        let english = measurementWarnings("Ejection fraction 120 %.", .en, .percent("120 %", 120))
        #expect(german.warnings.map(\.message) == ["Unplausibler Messwert: 150 % – mehr als 100 %?"])
        #expect(english.warnings.map(\.message) == ["Implausible measurement: 120 % – more than 100 %?"])
    }

    @Test(arguments: [
        ("Größenzunahme um 150 % im Vergleich zur Voruntersuchung.", Language.de),
        ("Interval increase in size by 200 %.", Language.en),
        ("LVEF 55 %.", Language.de),
        ("Stenosis of 100 %.", Language.en),
    ])
    func acceptsPlausiblePercentages(sentence: String, language: Language) {
        let percent = sentence.split(separator: " ").first { $0.first?.isNumber == true }.map { Double($0)! }!
        let text = "\(Int(percent)) %"
        #expect(measurementWarnings(sentence, language, .percent(text, percent)).warnings.isEmpty)
    }

    @Test(arguments: [
        ("Niere links 11,5 cm.", "11,5 cm", 11.5, "kidney"),
        ("Splenomegalie mit 18 cm.", "18 cm", 18, "spleen"),
        ("Leber in der MCL 22 cm.", "22 cm", 22, "liver"),
        ("Lymph node 2.5 x 1.8 cm.", "2.5 x 1.8 cm", 2.5, "lymph_node"),
        ("Polyzystische Nieren bis 28 cm.", "28 cm", 28, "kidney"),
        ("Aortenaneurysma 7,5 cm.", "7,5 cm", 7.5, "aorta"),
    ])
    func acceptsPlausibleOrganSizes(sentence: String, text: String, value: Double, organ: String) {
        let result = measurementWarnings(sentence, .de, locations: [organ], .length(text, value, unit: "cm"))
        #expect(result.warnings.isEmpty)
    }

    @Test func judgesASentenceAboutSeveralOrgansByTheMostPermissive() {
        let sentence = "Lymphknotenkonglomerat am Leberhilus mit 12 cm."
        let both = measurementWarnings(sentence, .de, locations: ["lymph_node", "liver"], .length("12 cm", 12, unit: "cm"))
        let nodeOnly = measurementWarnings(sentence, .de, locations: ["lymph_node"], .length("12 cm", 12, unit: "cm"))
        #expect(both.warnings.isEmpty)
        #expect(nodeOnly.warnings.count == 1)
    }

    @Test func ignoresUnitsThatAreNotLengths() {
        let density = measurementWarnings("Dichte 950 HU.", .de, .length("950 HU", 950, unit: "HU"))
        let volume = measurementWarnings("Prostate volume 800 ml.", .en, locations: ["prostate"], .length("800 ml", 800, unit: "ml"))
        #expect(density.warnings.isEmpty)
        #expect(volume.warnings.isEmpty)
    }
}
