import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct ConsistencyCheckerTests {
    /// A complete, consistent German CT report of a female patient.
    private var normalGermanReport: CheckFixture {
        CheckFixture(.de)
            .section(.clinicalInformation, "Klinische Angaben:", "Unterbauchschmerzen rechts, Ausschluss Appendizitis.")
            .section(.technique, "Technik:", "CT Abdomen und Becken in portalvenöser Phase.")
            .section(
                .findings,
                "Befund:",
                """
                Appendix rechts im Unterbauch zart, kein Nachweis einer Appendizitis. Keine freie Luft, keine freie Flüssigkeit. \
                Leber normal groß mit 15 cm. Uterus anteflektiert, Ovarien beidseits unauffällig. \
                Kein Nachweis einer Lungenembolie in den miterfassten Lungenabschnitten.
                """
            )
            .section(.impression, "Beurteilung:", "Kein Nachweis einer Appendizitis. Keine freie Luft.")
            .finding(
                "Unterbauchschmerzen rechts, Ausschluss Appendizitis.",
                assertion: .absent,
                laterality: .right,
                concepts: [.finding("appendicitis", "Appendizitis", assertion: .absent)]
            )
            .finding(
                "Appendix rechts im Unterbauch zart, kein Nachweis einer Appendizitis.",
                laterality: .right,
                concepts: [.anatomy("appendix", "Appendix"), .finding("appendicitis", "Appendizitis", assertion: .absent)]
            )
            .finding(
                "Keine freie Luft, keine freie Flüssigkeit.",
                assertion: .absent,
                concepts: [
                    .finding("pneumoperitoneum", "freie Luft", assertion: .absent, critical: true),
                    .finding("ascites", "freie Flüssigkeit", assertion: .absent),
                ]
            )
            .finding("Leber normal groß mit 15 cm.", locations: ["liver"], measurements: [.length("15 cm", 15, unit: "cm")])
            .finding("Uterus anteflektiert, Ovarien beidseits unauffällig.", laterality: .bilateral, locations: ["uterus", "ovary"])
            .finding(
                "Kein Nachweis einer Lungenembolie in den miterfassten Lungenabschnitten.",
                assertion: .absent,
                concepts: [.finding("pulmonary_embolism", "Lungenembolie", assertion: .absent, critical: true)]
            )
            .finding(
                "Kein Nachweis einer Appendizitis.",
                in: .impression,
                assertion: .absent,
                concepts: [.finding("appendicitis", "Appendizitis", assertion: .absent)]
            )
            .finding(
                "Keine freie Luft.",
                in: .impression,
                assertion: .absent,
                concepts: [.finding("pneumoperitoneum", "freie Luft", assertion: .absent, critical: true)]
            )
    }

    /// A complete, consistent English chest radiograph report of a male patient.
    private var normalEnglishReport: CheckFixture {
        CheckFixture(.en)
            .section(.clinicalInformation, "INDICATION:", "Cough and fever.")
            .section(.technique, "TECHNIQUE:", "PA and lateral chest radiographs.")
            .section(
                .findings,
                "FINDINGS:",
                """
                The heart is normal in size. The lungs are clear without focal consolidation. \
                No pleural effusion or pneumothorax. Left ventricular ejection fraction estimated at 60 %.
                """
            )
            .section(.impression, "IMPRESSION:", "No acute cardiopulmonary process.")
            .finding("The heart is normal in size.", concepts: [.anatomy("heart", "heart")])
            .finding(
                "The lungs are clear without focal consolidation.",
                concepts: [.finding("consolidation", "consolidation", assertion: .absent)]
            )
            .finding(
                "No pleural effusion or pneumothorax.",
                assertion: .absent,
                concepts: [
                    .finding("pleural_effusion", "pleural effusion", assertion: .absent),
                    .finding("pneumothorax", "pneumothorax", assertion: .absent, critical: true),
                ]
            )
            .finding("Left ventricular ejection fraction estimated at 60 %.", laterality: .left, measurements: [.percent("60 %", 60)])
            .finding("No acute cardiopulmonary process.", in: .impression, assertion: .absent)
    }

    @Test func raisesNothingForACleanGermanReport() {
        #expect(normalGermanReport.warnings(sex: .female, question: .right) == [])
    }

    @Test func raisesNothingForACleanEnglishReport() {
        #expect(normalEnglishReport.warnings(sex: .male) == [])
    }

    @Test func sortsBySeverityThenByPosition() {
        let fixture = CheckFixture(.de)
            .section(.findings, "Befund:", "Niere links 45 cm. Pleuraerguss rechts. Prostata 4 cm. Pneumothorax links.")
            .section(.impression, "Beurteilung:", "Kein Pleuraerguss.")
            .finding("Niere links 45 cm.", laterality: .left, locations: ["kidney"], measurements: [.length("45 cm", 45, unit: "cm")])
            .finding("Pleuraerguss rechts.", laterality: .right, concepts: [.finding("pleural_effusion", "Pleuraerguss")])
            .finding("Prostata 4 cm.", locations: ["prostate"], measurements: [.length("4 cm", 4, unit: "cm")])
            .finding("Pneumothorax links.", laterality: .left, concepts: [.finding("pneumothorax", "Pneumothorax", critical: true)])
            .finding(
                "Kein Pleuraerguss.",
                in: .impression,
                assertion: .absent,
                concepts: [.finding("pleural_effusion", "Pleuraerguss", assertion: .absent)]
            )
        let warnings = fixture.warnings(sex: .female)
        #expect(warnings.map(\.code) == [.criticalFinding, .implausibleMeasurement, .negationConflict, .sexAnatomyConflict])
        #expect(warnings.map(\.severity) == [.critical, .warning, .warning, .warning])
        #expect(warnings.map { fixture.evidence(of: $0).first } == ["Pneumothorax", "45 cm", "Pleuraerguss", "Prostata 4 cm."])
    }

    @Test func putsWarningsWithoutEvidenceLastWithinTheirSeverity() {
        let fixture = CheckFixture(.en)
            .section(
                .findings,
                "Findings:",
                "Liver measuring 60 cm. The spleen is normal. The pancreas is normal. The kidneys are normal. No ascites is seen."
            )
            .finding("Liver measuring 60 cm.", locations: ["liver"], measurements: [.length("60 cm", 60, unit: "cm")])
        #expect(fixture.warnings().map(\.code) == [.implausibleMeasurement, .missingImpression])
    }

    @Test func keepsEveryEvidenceSpanInsideTheText() {
        let fixture = CheckFixture(.de)
            .section(.clinicalInformation, "Fragestellung:", "Schmerzen links.")
            .section(.findings, "Befund:", "Größenprogrediente Raumforderung der rechten Niere von 45 cm.")
            .finding("Schmerzen links.", laterality: .left)
            .finding(
                "Größenprogrediente Raumforderung der rechten Niere von 45 cm.",
                laterality: .right,
                locations: ["kidney"],
                concepts: [.finding("renal_mass", "Nierenraumforderung", matched: "Raumforderung", critical: true)],
                measurements: [.length("45 cm", 45, unit: "cm")]
            )
        let warnings = fixture.warnings()
        #expect(Set(warnings.map(\.code)) == [.lateralityMismatch, .criticalFinding, .implausibleMeasurement, .missingImpression])
        for warning in warnings {
            for span in warning.evidence {
                #expect(span.substring(of: fixture.text) != nil)
            }
        }
        #expect(warnings.first { $0.code == .lateralityMismatch }.map(fixture.evidence(of:)) == ["links", "rechten"])
    }
}
