import Foundation
import RadScribeCore
import Testing

@Suite("Report JSON")
struct ReportJSONTests {
    private func sampleReport() -> StructuredReport {
        let span = TextSpan(start: 8, end: 20)
        let mention = ConceptMention(
            concept: "pneumothorax",
            preferredTerm: "Pneumothorax",
            category: "finding",
            critical: true,
            matchedText: "Pneumothorax",
            span: span,
            assertion: .absent,
            cue: AssertionCue(text: "Kein", span: TextSpan(start: 8, end: 12))
        )
        let finding = Finding(
            text: "Kein Pneumothorax.",
            span: TextSpan(start: 8, end: 26),
            section: .findings,
            assertion: .absent,
            laterality: nil,
            locations: [],
            concepts: [mention],
            measurements: [Measurement(values: [4, 3], unit: "cm", millimeters: [40, 30], text: "4 x 3 cm", span: span)]
        )
        return StructuredReport(
            language: .de,
            languageSource: .detected,
            originalText: "befund kein pneumothorax",
            text: "Befund: Kein Pneumothorax.",
            normalization: [
                NormalizationEdit(
                    rule: "capitalization",
                    source: TextSpan(start: 0, end: 1),
                    output: TextSpan(start: 0, end: 1),
                    sourceText: "b",
                    outputText: "B"
                )
            ],
            sections: [
                ReportSection(
                    kind: .findings,
                    title: "Befund",
                    header: "Befund:",
                    headerSpan: TextSpan(start: 0, end: 7),
                    text: "Kein Pneumothorax.",
                    span: TextSpan(start: 8, end: 26)
                )
            ],
            classification: Classification(
                examType: .general,
                confidence: 0.8,
                scores: [ExamTypeScore(examType: .general, score: 0.8, evidence: ["Pneumothorax"])],
                selection: .single,
                agents: [.general]
            ),
            findings: [finding],
            examData: ExamData(),
            warnings: [ReportWarning(code: .missingImpression, severity: .warning, message: "Beurteilung fehlt.", evidence: [])],
            provenance: Provenance(engine: "rule-based", engineVersion: "1.0.0", lexiconVersion: "1.0.0")
        )
    }

    @Test func encodesSnakeCaseSortedKeysAndDecodesBack() throws {
        let report = sampleReport()
        let data = try ReportJSON.makeEncoder().encode(report)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.hasPrefix(#"{"classification":"#))
        #expect(json.contains(#""schema_version":"1.0""#))
        #expect(json.contains(#""language_source":"detected""#))
        #expect(json.contains(#""header_span":{"end":7,"start":0}"#))
        #expect(json.contains(#""preferred_term":"Pneumothorax""#))
        #expect(json.contains(#""exam_type":"general""#))
        let decoded = try ReportJSON.makeDecoder().decode(StructuredReport.self, from: data)
        #expect(decoded == report)
    }

    @Test func omitsAbsentOptionals() throws {
        let json = String(decoding: try ReportJSON.makeEncoder().encode(sampleReport()), as: UTF8.self)
        #expect(!json.contains("null"))
        #expect(!json.contains("laterality"))
    }

    @Test func findsSectionsByKind() {
        let report = sampleReport()
        #expect(report.section(.findings)?.text == "Kein Pneumothorax.")
        #expect(report.section(.impression) == nil)
        #expect(report.findings.first?.isNegated == true)
        #expect(report.findings.first?.isUncertain == false)
    }
}
