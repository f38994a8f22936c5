import RadScribeCore
import RadScribeReporting

/// Reads the facts of the dictation and of the LLM's sections with the report engine's own components.
///
/// The dictation's facts come from its ``StructuredReport``: its findings and, where the exam agents that read
/// BI-RADS, density and spinal levels did not run for it, only those two agents run over the report's text. The LLM's
/// sections are normalised as dictation is (spoken numbers, units and levels), joined into one text with one section
/// each, and read by the finding extractor and those two agents in a single pass.
struct FactReader: Sendable {
    /// The agents whose items the guard compares.
    private static let itemAgents: [ExamType] = [.mammography, .spineMRI]

    private let normalizer = DictationNormalizer()
    private let extractor: FindingExtractor
    private let agents = ExamAgents()
    private let collector: SectionFactCollector

    /// Creates a reader that names concepts from `lexicon`.
    init(lexicon: Lexicon) {
        extractor = FindingExtractor(lexicon: lexicon)
        collector = SectionFactCollector(lexicon: lexicon)
    }

    /// The LLM's text as the engine writes it: normalised and trimmed.
    func normalized(_ text: String, language: Language) -> String {
        let written = normalizer.normalize(text, language: language).text
        guard let first = written.firstIndex(where: { !$0.isWhitespace }), let last = written.lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(written[first...last])
    }

    /// The facts per section kind of the dictation.
    func facts(ofDictation report: StructuredReport) -> [SectionKind: SectionFacts] {
        var examData = report.examData
        var missing: [ExamType] = []
        if examData.mammography == nil { missing.append(.mammography) }
        if examData.spine == nil { missing.append(.spineMRI) }
        if !missing.isEmpty {
            let extra = agents.extract(
                classification: Self.classification(running: missing),
                text: report.text,
                sections: report.sections,
                findings: report.findings,
                language: report.language
            )
            examData.mammography = examData.mammography ?? extra.mammography
            examData.spine = examData.spine ?? extra.spine
        }
        return collector.facts(sections: report.sections, findings: report.findings, examData: examData, language: report.language)
    }

    /// The facts per section kind of already normalised LLM sections.
    ///
    /// - Parameters:
    ///   - sections: Each kind with its normalised text, in report order.
    ///   - language: The report language.
    func facts(ofProposal sections: [(kind: SectionKind, text: String)], language: Language) -> [SectionKind: SectionFacts] {
        var text = ""
        var reportSections: [ReportSection] = []
        var offset = 0
        for section in sections {
            if !text.isEmpty {
                text += "\n\n"
                offset += 2
            }
            let length = section.text.utf16.count
            reportSections.append(
                ReportSection(
                    kind: section.kind,
                    title: nil,
                    header: nil,
                    headerSpan: nil,
                    text: section.text,
                    span: TextSpan(start: offset, end: offset + length)
                )
            )
            text += section.text
            offset += length
        }
        let findings = extractor.findings(in: text, sections: reportSections, language: language)
        let examData = agents.extract(
            classification: Self.classification(running: Self.itemAgents),
            text: text,
            sections: reportSections,
            findings: findings,
            language: language
        )
        return collector.facts(sections: reportSections, findings: findings, examData: examData, language: language)
    }

    private static func classification(running agents: [ExamType]) -> Classification {
        Classification(examType: agents[0], confidence: 1, scores: [], selection: .ensemble, agents: agents)
    }
}
