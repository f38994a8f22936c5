import RadScribeCore
import RadScribeReporting

/// Builds a normalised report text section by section and attaches findings by quoting their sentences, so that every
/// span in a test points at the words it names.
struct CheckFixture {
    /// A concept mention to attach to a finding, located by its matched words inside the sentence.
    struct Mention {
        var concept: String
        var term: String
        var matched: String
        var category = "finding"
        var critical = false
        var assertion = Assertion.present

        /// A pathology concept.
        static func finding(
            _ concept: String,
            _ term: String,
            matched: String? = nil,
            assertion: Assertion = .present,
            critical: Bool = false
        ) -> Mention {
            Mention(concept: concept, term: term, matched: matched ?? term, critical: critical, assertion: assertion)
        }

        /// An anatomy concept.
        static func anatomy(_ concept: String, _ term: String, matched: String? = nil, assertion: Assertion = .present) -> Mention {
            Mention(concept: concept, term: term, matched: matched ?? term, category: "anatomy", assertion: assertion)
        }
    }

    /// A measurement to attach to a finding, located by its text inside the sentence.
    struct Size {
        var text: String
        var values: [Double]
        var unit: String

        static func length(_ text: String, _ values: Double..., unit: String) -> Size { Size(text: text, values: values, unit: unit) }
        static func percent(_ text: String, _ value: Double) -> Size { Size(text: text, values: [value], unit: "%") }

        var millimeters: [Double]? {
            switch unit {
            case "mm": values
            case "cm": values.map { $0 * 10 }
            case "m": values.map { $0 * 1000 }
            default: nil
            }
        }
    }

    let language: Language
    private(set) var text = ""
    private(set) var sections: [ReportSection] = []
    private(set) var findings: [Finding] = []

    init(_ language: Language) {
        self.language = language
    }

    /// Appends a section: its header line (none for untitled text) and its body.
    func section(_ kind: SectionKind, _ header: String?, _ body: String, title: String? = nil) -> CheckFixture {
        var copy = self
        if !copy.text.isEmpty { copy.text += "\n\n" }
        var headerSpan: TextSpan?
        if let header {
            headerSpan = TextSpan(start: copy.text.utf16.count, end: copy.text.utf16.count + header.utf16.count)
            copy.text += header + "\n"
        }
        let start = copy.text.utf16.count
        copy.text += body
        let canonicalTitle = kind == .other ? title ?? header : kind.title(in: language)
        copy.sections.append(
            ReportSection(
                kind: kind,
                title: canonicalTitle,
                header: header,
                headerSpan: headerSpan,
                text: body,
                span: TextSpan(start: start, end: copy.text.utf16.count)
            )
        )
        return copy
    }

    /// Attaches the finding whose sentence is `sentence`, searched in the first section of `kind` (or the whole text).
    func finding(
        _ sentence: String,
        in kind: SectionKind? = nil,
        assertion: Assertion = .present,
        laterality: Laterality? = nil,
        locations: [String] = [],
        concepts: [Mention] = [],
        measurements: [Size] = []
    ) -> CheckFixture {
        let searchArea = kind.flatMap { kind in sections.first { $0.kind == kind }?.span } ?? TextSpan(start: 0, end: text.utf16.count)
        let span = Self.span(of: sentence, in: text, within: searchArea)
        let section = sections.last { $0.span.contains(span) }?.kind ?? .other
        var copy = self
        copy.findings.append(
            Finding(
                text: sentence,
                span: span,
                section: section,
                assertion: assertion,
                laterality: laterality,
                locations: locations,
                concepts: concepts.map { mention in
                    ConceptMention(
                        concept: mention.concept,
                        preferredTerm: mention.term,
                        category: mention.category,
                        critical: mention.critical,
                        matchedText: mention.matched,
                        span: Self.span(of: mention.matched, in: text, within: span),
                        assertion: mention.assertion,
                        cue: nil
                    )
                },
                measurements: measurements.map { size in
                    Measurement(
                        values: size.values,
                        unit: size.unit,
                        millimeters: size.millimeters,
                        text: size.text,
                        span: Self.span(of: size.text, in: text, within: span)
                    )
                }
            )
        )
        return copy
    }

    /// Runs the consistency checker on the fixture.
    func warnings(sex: PatientSex? = nil, question: Laterality? = nil) -> [ReportWarning] {
        ConsistencyChecker()
            .check(
                text: text,
                sections: sections,
                findings: findings,
                language: language,
                context: ReportContext(patientSex: sex),
                clinicalQuestionLaterality: question
            )
    }

    /// The words a span covers.
    func words(at span: TextSpan) -> String {
        span.substring(of: text).map(String.init) ?? "<span \(span.start)..<\(span.end) outside the text>"
    }

    /// The words of every evidence span of `warning`.
    func evidence(of warning: ReportWarning) -> [String] {
        warning.evidence.map(words(at:))
    }

    /// The span of the first occurrence of `needle` inside `area` of `text`; traps when it is missing, since the test is wrong then.
    private static func span(of needle: String, in text: String, within area: TextSpan) -> TextSpan {
        let haystack = Array(text.utf16)
        let pattern = Array(needle.utf16)
        var start = area.start
        while start + pattern.count <= area.end {
            if Array(haystack[start..<(start + pattern.count)]) == pattern {
                return TextSpan(start: start, end: start + pattern.count)
            }
            start += 1
        }
        preconditionFailure("fixture: \"\(needle)\" not found in the text")
    }
}
