import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct SexAnatomyCheckTests {
    private func sexWarnings(_ fixture: CheckFixture, _ sex: PatientSex?) -> [ReportWarning] {
        fixture.warnings(sex: sex).filter { $0.code == .sexAnatomyConflict }
    }

    @Test func flagsAProstateInAFemalePatientInGerman() throws {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Prostata vergrößert, 5 x 4 x 4 cm.")
            .finding("Prostata vergrößert, 5 x 4 x 4 cm.", locations: ["prostate"], concepts: [.anatomy("prostate", "Prostata")])
        let warning = try #require(sexWarnings(fixture, .female).first)
        #expect(warning.severity == .warning)
        #expect(warning.message == "Anatomie passt nicht zum Geschlecht: Prostata bei einer Patientin.")
        #expect(fixture.evidence(of: warning) == ["Prostata"])
    }

    @Test func flagsAUterusInAMalePatientInEnglish() throws {
        let fixture = CheckFixture(.en)
            .section(.findings, "Findings:", "The uterus is anteverted and normal in size.")
            .finding("The uterus is anteverted and normal in size.", locations: ["uterus"])
        let warning = try #require(sexWarnings(fixture, .male).first)
        #expect(warning.message == "Anatomy does not match the patient's sex: uterus in a male patient.")
        #expect(fixture.evidence(of: warning) == ["The uterus is anteverted and normal in size."])
    }

    @Test func mergesMentionsOfOneOrganAndSeparatesOrgans() {
        let fixture = CheckFixture(.de)
            .section(.clinicalInformation, "Fragestellung:", "Ovarialzyste?")
            .section(.findings, "Befund:", "Zyste des linken Ovars, 3 cm. Endometrium 8 mm.")
            .finding("Ovarialzyste?", assertion: .possible, locations: ["ovary"])
            .finding(
                "Zyste des linken Ovars, 3 cm.",
                laterality: .left,
                locations: ["ovary"],
                concepts: [.anatomy("ovary", "Ovar", matched: "Ovars")]
            )
            .finding("Endometrium 8 mm.", locations: ["endometrium"])
        let warnings = sexWarnings(fixture, .male)
        #expect(
            warnings.map(\.message) == [
                "Anatomie passt nicht zum Geschlecht: Ovar bei einem Patienten.",
                "Anatomie passt nicht zum Geschlecht: Endometrium bei einem Patienten.",
            ]
        )
        #expect(warnings.first.map(fixture.evidence(of:)) == ["Ovarialzyste?", "Ovars"])
    }

    @Test(arguments: [
        ("Z. n. Hysterektomie.", PatientSex.male, "uterus"),
        ("Uterus nicht abgrenzbar.", PatientSex.male, "uterus"),
        ("Uterus und Ovarien nicht mehr darstellbar.", PatientSex.male, "uterus"),
        ("Z. n. Prostatakarzinom, Prostataloge unauffällig.", PatientSex.female, "prostate"),
        ("Status post prostatectomy, no local recurrence.", PatientSex.female, "prostate"),
        ("The prostate is not visualized.", PatientSex.female, "prostate"),
        ("Uterus surgically absent.", PatientSex.male, "uterus"),
        ("Hoden beidseits entfernt.", PatientSex.female, "testis"),
    ])
    func acceptsRemovedOrUnseenOrgansAndPastHistory(sentence: String, sex: PatientSex, organ: String) {
        let fixture = CheckFixture(.de)
            .section(.findings, nil, sentence)
            .finding(sentence, locations: [organ])
        #expect(sexWarnings(fixture, sex).isEmpty)
    }

    @Test func acceptsNegatedMentions() {
        let fixture = CheckFixture(.en)
            .section(.findings, nil, "No prostate. Seminal vesicles not enlarged.")
            .finding("No prostate.", assertion: .absent, locations: ["prostate"])
            .finding(
                "Seminal vesicles not enlarged.",
                locations: ["seminal_vesicle"],
                concepts: [.anatomy("seminal_vesicle", "seminal vesicle", matched: "Seminal vesicles", assertion: .absent)]
            )
        #expect(sexWarnings(fixture, .female).isEmpty)
    }

    @Test func acceptsTheAnatomyOfThePatientsOwnSex() {
        let fixture = CheckFixture(.de)
            .section(.findings, nil, "Uterus anteflektiert, Endometrium 6 mm. Ovarien beidseits unauffällig.")
            .finding("Uterus anteflektiert, Endometrium 6 mm.", locations: ["uterus", "endometrium"])
            .finding("Ovarien beidseits unauffällig.", laterality: .bilateral, locations: ["ovary"])
        #expect(sexWarnings(fixture, .female).isEmpty)
    }

    @Test(arguments: [PatientSex.other, .unknown, nil])
    func runsOnlyForAKnownBinarySex(_ sex: PatientSex?) {
        let fixture = CheckFixture(.en)
            .section(.findings, nil, "Enlarged prostate.")
            .finding("Enlarged prostate.", locations: ["prostate"])
        #expect(sexWarnings(fixture, sex).isEmpty)
        #expect(sexWarnings(fixture, .female).count == 1)
    }

    @Test func flagsATestisInAFemalePatient() {
        let fixture = CheckFixture(.de)
            .section(.findings, nil, "Hoden rechts mit Hydrozele.")
            .finding("Hoden rechts mit Hydrozele.", laterality: .right, locations: ["testis"], concepts: [.anatomy("testis", "Hoden")])
        #expect(sexWarnings(fixture, .female).map(\.message) == ["Anatomie passt nicht zum Geschlecht: Hoden bei einer Patientin."])
    }
}
