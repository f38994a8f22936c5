import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct CriticalFindingCheckTests {
    private func criticalWarnings(_ fixture: CheckFixture) -> [ReportWarning] {
        fixture.warnings().filter { $0.code == .criticalFinding }
    }

    @Test func reportsAnAssertedCriticalFindingInGerman() throws {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Spannungspneumothorax rechts mit Mediastinalverlagerung nach links.")
            .finding(
                "Spannungspneumothorax rechts mit Mediastinalverlagerung nach links.",
                laterality: .right,
                concepts: [.finding("tension_pneumothorax", "Spannungspneumothorax", critical: true)]
            )
        let warning = try #require(criticalWarnings(fixture).first)
        #expect(warning.severity == .critical)
        #expect(warning.message == "Kritischer Befund: Spannungspneumothorax – direkte Mitteilung an den Zuweiser erforderlich.")
        #expect(fixture.evidence(of: warning) == ["Spannungspneumothorax"])
    }

    @Test func reportsASuspectedCriticalFindingInGerman() throws {
        let fixture = CheckFixture(.de)
            .section(.impression, "Beurteilung:", "V. a. Lungenarterienembolie im rechten Unterlappen.")
            .finding(
                "V. a. Lungenarterienembolie im rechten Unterlappen.",
                assertion: .possible,
                laterality: .right,
                concepts: [.finding("pulmonary_embolism", "Lungenarterienembolie", assertion: .possible, critical: true)]
            )
        let warning = try #require(criticalWarnings(fixture).first)
        #expect(
            warning.message == "Kritischer Befund: Verdacht auf Lungenarterienembolie – direkte Mitteilung an den Zuweiser erforderlich."
        )
    }

    @Test func reportsAssertedAndSuspectedCriticalFindingsInEnglish() {
        let fixture = CheckFixture(.en)
            .section(.findings, "Findings:", "Free intraperitoneal air. Findings may represent aortic dissection.")
            .finding(
                "Free intraperitoneal air.",
                concepts: [.finding("pneumoperitoneum", "pneumoperitoneum", matched: "Free intraperitoneal air", critical: true)]
            )
            .finding(
                "Findings may represent aortic dissection.",
                assertion: .possible,
                concepts: [.finding("aortic_dissection", "aortic dissection", assertion: .possible, critical: true)]
            )
        #expect(
            criticalWarnings(fixture).map(\.message) == [
                "Critical finding: pneumoperitoneum – direct communication to the referring physician required.",
                "Critical finding: suspected aortic dissection – direct communication to the referring physician required.",
            ]
        )
    }

    @Test func mergesMentionsOfOneConceptAndPrefersTheAssertedForm() throws {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Fraglich kleiner Pneumothorax apikal.")
            .section(.impression, "Beurteilung:", "Pneumothorax rechts apikal.")
            .finding(
                "Fraglich kleiner Pneumothorax apikal.",
                assertion: .possible,
                concepts: [.finding("pneumothorax", "Pneumothorax", assertion: .possible, critical: true)]
            )
            .finding("Pneumothorax rechts apikal.", laterality: .right, concepts: [.finding("pneumothorax", "Pneumothorax", critical: true)])
        let warnings = criticalWarnings(fixture)
        let warning = try #require(warnings.first)
        #expect(warnings.count == 1)
        #expect(warning.message == "Kritischer Befund: Pneumothorax – direkte Mitteilung an den Zuweiser erforderlich.")
        #expect(warning.evidence.count == 2)
        #expect(fixture.evidence(of: warning) == ["Pneumothorax", "Pneumothorax"])
    }

    @Test(arguments: [
        ("Kein Pneumothorax.", Language.de, "Pneumothorax"),
        ("Kein Nachweis einer Lungenarterienembolie.", Language.de, "Lungenarterienembolie"),
        ("No evidence of pulmonary embolism.", Language.en, "pulmonary embolism"),
        ("No free air.", Language.en, "free air"),
    ])
    func staysSilentAboutNegatedCriticalFindings(sentence: String, language: Language, matched: String) {
        let fixture = CheckFixture(language)
            .section(.findings, nil, sentence)
            .finding(sentence, assertion: .absent, concepts: [.finding("critical", matched, assertion: .absent, critical: true)])
        #expect(criticalWarnings(fixture).isEmpty)
    }

    @Test func ignoresTheClinicalQuestion() {
        let fixture = CheckFixture(.de)
            .section(.clinicalInformation, "Fragestellung:", "Lungenembolie?")
            .section(.findings, "Befund:", "Regelrechte Kontrastierung der Pulmonalarterien.")
            .finding(
                "Lungenembolie?",
                assertion: .possible,
                concepts: [.finding("pulmonary_embolism", "Lungenembolie", assertion: .possible, critical: true)]
            )
        #expect(criticalWarnings(fixture).isEmpty)
    }

    @Test(arguments: [
        ("Z. n. Lungenarterienembolie 2019.", Language.de, "Lungenarterienembolie"),
        ("Zustand nach Hirnblutung links.", Language.de, "Hirnblutung"),
        ("History of pulmonary embolism.", Language.en, "pulmonary embolism"),
        ("Status post pneumothorax in 2021.", Language.en, "pneumothorax"),
    ])
    func ignoresPastHistory(sentence: String, language: Language, matched: String) {
        let fixture = CheckFixture(language)
            .section(.findings, nil, sentence)
            .finding(sentence, concepts: [.finding("critical", matched, critical: true)])
        #expect(criticalWarnings(fixture).isEmpty)
    }

    @Test(arguments: [
        ("Z. n. Sturz, jetzt Pneumothorax rechts.", Language.de, "Pneumothorax"),
        ("Status post chest tube removal with new pneumothorax.", Language.en, "pneumothorax"),
    ])
    func reportsACurrentFindingAfterAHistoryClause(sentence: String, language: Language, matched: String) {
        let fixture = CheckFixture(language)
            .section(.findings, nil, sentence)
            .finding(sentence, concepts: [.finding("pneumothorax", matched, critical: true)])
        #expect(criticalWarnings(fixture).count == 1)
    }

    @Test func ignoresConceptsThatAreNotCritical() {
        let fixture = CheckFixture(.en)
            .section(.findings, nil, "Small hiatal hernia.")
            .finding("Small hiatal hernia.", concepts: [.finding("hiatal_hernia", "hiatal hernia")])
        #expect(criticalWarnings(fixture).isEmpty)
    }
}
