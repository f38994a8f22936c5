import RadScribeCore
import RadScribeReporting
import Testing

@Suite struct ReportRendererTests {
    private let renderer = ReportRenderer()

    /// A report with the fixture's text and sections, the given warnings, and placeholder classification.
    private func report(_ fixture: CheckFixture, warnings: [ReportWarning] = []) -> StructuredReport {
        StructuredReport(
            language: fixture.language,
            languageSource: .requested,
            originalText: fixture.text,
            text: fixture.text,
            normalization: [],
            sections: fixture.sections,
            classification: Classification(examType: .general, confidence: 1, scores: [], selection: .single, agents: [.general]),
            findings: [],
            examData: ExamData(),
            warnings: warnings,
            provenance: Provenance(engine: "rule-based", engineVersion: "test", lexiconVersion: "test")
        )
    }

    /// Sections dictated out of order: a preamble, the impression before the findings, a repeated findings section and
    /// an unknown header in between.
    private var scrambledGermanReport: CheckFixture {
        CheckFixture(.de)
            .section(.other, nil, "Thorax pa vom 12.03.2024.")
            .section(.impression, "beurteilung", "Kein Pneumothorax.")
            .section(.findings, "befund", "Lunge beidseits belüftet.")
            .section(.other, "Vergleich:", "Voraufnahme vom 01.02.2024.", title: "Vergleich:")
            .section(.clinicalInformation, "fragestellung", "Pneumothorax nach Drainagenzug?")
            .section(.findings, "befund", "Drainage entfernt.")
    }

    @Test func rendersPlainTextInCanonicalOrderWithMergedSectionsAndWarnings() {
        let warnings = [
            ReportWarning(code: .criticalFinding, severity: .critical, message: "Kritischer Befund: Pneumothorax.", evidence: []),
            ReportWarning(code: .missingImpression, severity: .info, message: "Keine Beurteilung diktiert.", evidence: []),
        ]
        let expected = """
            Thorax pa vom 12.03.2024.

            Klinische Angaben:
            Pneumothorax nach Drainagenzug?

            Befund:
            Lunge beidseits belüftet.

            Drainage entfernt.

            Beurteilung:
            Kein Pneumothorax.

            Vergleich:
            Voraufnahme vom 01.02.2024.

            Hinweise:
            [KRITISCH] Kritischer Befund: Pneumothorax.
            [INFO] Keine Beurteilung diktiert.

            """
        #expect(renderer.plainText(report(scrambledGermanReport, warnings: warnings)) == expected)
    }

    @Test func rendersMarkdownWithHeadingsAndAWarningList() {
        let fixture = CheckFixture(.en)
            .section(.findings, "FINDINGS:", "Small left pleural effusion.")
            .section(.recommendation, "RECOMMENDATION:", "Follow-up radiograph in 6 weeks.")
            .section(.technique, "TECHNIQUE:", "Single AP view.")
            .section(.impression, "IMPRESSION:", "Small left effusion.")
        let warnings = [ReportWarning(code: .lateralityMismatch, severity: .warning, message: "Laterality mismatch.", evidence: [])]
        let expected = """
            ## Technique

            Single AP view.

            ## Findings

            Small left pleural effusion.

            ## Impression

            Small left effusion.

            ## Recommendation

            Follow-up radiograph in 6 weeks.

            ## Warnings

            - **[WARNING]** Laterality mismatch.

            """
        #expect(renderer.markdown(report(fixture, warnings: warnings)) == expected)
    }

    @Test func escapesMarkdownThatWouldChangeMeaning() {
        let body = """
            # no heading
            - no bullet
            * no bullet
            + no bullet
            1. no list
            12) no list
            > no quote
            ===
              indented line
            T2*-hyperintens, ~3 cm, <5 mm, [Link](x), snake_case, `code`, back\\slash
            1.5 cm bleibt 1.5 cm
            """
        let fixture = CheckFixture(.de).section(.findings, "Befund:", body)
        let expected = ##"""
            ## Befund

            \# no heading
            \- no bullet
            \* no bullet
            \+ no bullet
            1\. no list
            12\) no list
            \> no quote
            \===
            indented line
            T2\*-hyperintens, \~3 cm, \<5 mm, \[Link\](x), snake\_case, \`code\`, back\\slash
            1.5 cm bleibt 1.5 cm

            """##
        #expect(renderer.markdown(report(fixture)) == expected)
    }

    @Test func plainTextKeepsBodyTextAsItIs() {
        let body = "# 1. T2*-hyperintens\n- <5 mm"
        let fixture = CheckFixture(.de).section(.findings, "Befund:", body)
        #expect(renderer.plainText(report(fixture)) == "Befund:\n\(body)\n")
    }

    @Test func escapesTitlesAndWarningMessagesInMarkdown() {
        let fixture = CheckFixture(.de).section(.other, "Sequenzen_T2*:", "PD fs.", title: "Sequenzen_T2*")
        let warnings = [ReportWarning(code: .implausibleMeasurement, severity: .warning, message: "Wert <0,1 mm *prüfen*", evidence: [])]
        let expected = """
            ## Sequenzen\\_T2\\*

            PD fs.

            ## Hinweise

            - **[WARNUNG]** Wert \\<0,1 mm \\*prüfen\\*

            """
        #expect(renderer.markdown(report(fixture, warnings: warnings)) == expected)
    }

    @Test func mergesOtherSectionsWithTheSameTitleAndKeepsDictationOrder() {
        let fixture = CheckFixture(.en)
            .section(.other, "Addendum:", "First addendum.", title: "Addendum")
            .section(.other, "Comparison:", "None.", title: "Comparison")
            .section(.other, "ADDENDUM", "Second addendum.", title: "ADDENDUM")
        let expected = "Addendum:\nFirst addendum.\n\nSecond addendum.\n\nComparison:\nNone.\n"
        #expect(renderer.plainText(report(fixture)) == expected)
    }

    @Test func leavesOutEmptySectionsAndRendersNothingForAnEmptyReport() {
        let withEmptyImpression = CheckFixture(.de)
            .section(.findings, "Befund:", "Unauffällig.")
            .section(.impression, "Beurteilung:", "  ")
        #expect(renderer.plainText(report(withEmptyImpression)) == "Befund:\nUnauffällig.\n")
        #expect(renderer.markdown(report(CheckFixture(.en))) == "")
        #expect(renderer.plainText(report(CheckFixture(.en))) == "")
    }

    @Test func rendersTheTextWhenThereAreNoSections() {
        var unsegmented = report(CheckFixture(.en))
        unsegmented.text = "  No acute findings.\n"
        #expect(renderer.plainText(unsegmented) == "No acute findings.\n")
        #expect(renderer.markdown(unsegmented) == "No acute findings.\n")
    }

    @Test func usesEnglishSeverityMarkersInPlainText() {
        let fixture = CheckFixture(.en).section(.findings, "Findings:", "Tension pneumothorax.")
        let warnings = [
            ReportWarning(code: .criticalFinding, severity: .critical, message: "Critical.", evidence: []),
            ReportWarning(code: .negationConflict, severity: .warning, message: "Conflict.", evidence: []),
            ReportWarning(code: .missingImpression, severity: .info, message: "No impression.", evidence: []),
        ]
        let expected = "Findings:\nTension pneumothorax.\n\nWarnings:\n[CRITICAL] Critical.\n[WARNING] Conflict.\n[INFO] No impression.\n"
        #expect(renderer.plainText(report(fixture, warnings: warnings)) == expected)
    }
}

extension ReportRendererTests {
    @Test func sectionBodiesStartWithACapitalLetter() {
        let fixture = CheckFixture(.de)
            .section(.findings, "befund", "in höhe L4/5 bandscheibenvorfall.")
            .section(.impression, "beurteilung", "3 Läsionen.")
        let text = renderer.plainText(report(fixture))
        #expect(text.contains("Befund:\nIn höhe L4/5 bandscheibenvorfall."))
        #expect(text.contains("Beurteilung:\n3 Läsionen."))
        #expect(renderer.markdown(report(fixture)).contains("## Befund\n\nIn höhe"))
    }
}
