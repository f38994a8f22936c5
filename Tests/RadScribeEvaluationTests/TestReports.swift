import Foundation
import RadScribeCore

/// Hand-made structured reports, so scoring can be checked without depending on what the engine does today.
enum TestReports {
    /// A section given by its header and body as they appear in the text.
    struct SectionText {
        var kind: SectionKind
        var header: String?
        var body: String
    }

    /// A report of `text` whose sections are found in `text` in order.
    static func report(
        text: String,
        sections: [SectionText],
        findings: [Finding] = [],
        examType: ExamType = .general,
        scores: [ExamTypeScore] = []
    ) -> StructuredReport {
        var searchStart = text.startIndex
        let placed = sections.map { section in
            var headerSpan: TextSpan?
            if let header = section.header, let range = text.range(of: header, range: searchStart..<text.endIndex) {
                headerSpan = TextSpan(range, in: text)
                searchStart = range.upperBound
            }
            let body = text.range(of: section.body, range: searchStart..<text.endIndex) ?? searchStart..<searchStart
            searchStart = body.upperBound
            return ReportSection(
                kind: section.kind,
                title: nil,
                header: section.header,
                headerSpan: headerSpan,
                text: section.body,
                span: TextSpan(body, in: text)
            )
        }
        return StructuredReport(
            language: .en,
            languageSource: .requested,
            originalText: text,
            text: text,
            normalization: [],
            sections: placed,
            classification: Classification(examType: examType, confidence: 1, scores: scores, selection: .single, agents: [examType]),
            findings: findings,
            examData: ExamData(),
            warnings: [],
            provenance: Provenance(engine: "test", engineVersion: "0", lexiconVersion: "0")
        )
    }

    /// A finding in `section` mentioning `concepts` with their assertions.
    static func finding(_ section: SectionKind, _ concepts: [(id: String, assertion: Assertion)]) -> Finding {
        let span = TextSpan(start: 0, end: 1)
        let mentions = concepts.map {
            ConceptMention(
                concept: $0.id,
                preferredTerm: $0.id,
                category: "finding",
                critical: false,
                matchedText: $0.id.replacingOccurrences(of: "_", with: " "),
                span: span,
                assertion: $0.assertion,
                cue: nil
            )
        }
        return Finding(
            text: "",
            span: span,
            section: section,
            assertion: mentions.first?.assertion ?? .present,
            laterality: nil,
            locations: [],
            concepts: mentions,
            measurements: []
        )
    }
}
