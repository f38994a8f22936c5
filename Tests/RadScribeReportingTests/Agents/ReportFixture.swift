import RadScribeCore
import Testing

@testable import RadScribeReporting

/// A test report: the text, hand-made findings and measurements located by their words, and helpers to run agents.
///
/// The finding extractor and measurement parser belong to another component, so tests build their output by hand.
struct ReportFixture {
    let text: String
    let language: Language

    init(_ text: String, language: Language = .de) {
        self.text = text
        self.language = language
    }

    /// The span of the `occurrence`-th appearance of `fragment`.
    func span(of fragment: String, occurrence: Int = 1) -> TextSpan {
        let units = Array(text.utf16)
        let needle = Array(fragment.utf16)
        var remaining = occurrence
        if !needle.isEmpty, needle.count <= units.count {
            for start in 0...(units.count - needle.count) where units[start..<(start + needle.count)].elementsEqual(needle) {
                remaining -= 1
                if remaining == 0 { return TextSpan(start: start, end: start + needle.count) }
            }
        }
        Issue.record("fixture text has no occurrence \(occurrence) of \(fragment.debugDescription)")
        return TextSpan(start: 0, end: 0)
    }

    /// A measurement as the measurement parser would give it; lengths in mm or cm get millimetres.
    func measurement(_ fragment: String, _ values: [Double], _ unit: String, occurrence: Int = 1) -> Measurement {
        let factor: Double? =
            switch unit {
            case "mm": 1
            case "cm": 10
            default: nil
            }
        return Measurement(
            values: values,
            unit: unit,
            millimeters: factor.map { factor in values.map { $0 * factor } },
            text: fragment,
            span: span(of: fragment, occurrence: occurrence)
        )
    }

    /// A finding for `sentence`, as the finding extractor would give it.
    func finding(
        _ sentence: String,
        section: SectionKind = .findings,
        assertion: Assertion = .present,
        measurements: [Measurement] = [],
        concepts: [ConceptMention] = [],
        occurrence: Int = 1
    ) -> Finding {
        Finding(
            text: sentence,
            span: span(of: sentence, occurrence: occurrence),
            section: section,
            assertion: assertion,
            laterality: nil,
            locations: [],
            concepts: concepts,
            measurements: measurements
        )
    }

    /// A finding concept mention over `fragment`.
    func concept(_ fragment: String, id: String, assertion: Assertion, category: String = "finding") -> ConceptMention {
        ConceptMention(
            concept: id,
            preferredTerm: fragment,
            category: category,
            critical: false,
            matchedText: fragment,
            span: span(of: fragment),
            assertion: assertion,
            cue: nil
        )
    }

    /// The sections of the text.
    var sections: [ReportSection] { SectionSegmenter().segment(text, language: language) }

    /// Runs exactly `agents` (as an ensemble selection) over the text.
    func extract(_ agents: [ExamType], findings: [Finding] = []) -> ExamData {
        let classification = Classification(
            examType: agents[0],
            confidence: 0.5,
            scores: [],
            selection: agents.count == 1 ? .single : .ensemble,
            agents: agents
        )
        return ExamAgents().extract(classification: classification, text: text, sections: sections, findings: findings, language: language)
    }

    /// Classifies the text.
    func classify(findings: [Finding] = [], context: ReportContext = ReportContext()) -> Classification {
        ExamClassifier().classify(text: text, sections: sections, findings: findings, language: language, context: context)
    }
}
