/// The canonical sections of a radiology report, plus `other` for headers RadScribe does not know.
public enum SectionKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// Klinische Angaben / Indikation / Fragestellung · Clinical information / History / Indication.
    case clinicalInformation = "clinical_information"
    /// Technik · Technique / Comparison.
    case technique
    /// Befund · Findings.
    case findings
    /// Beurteilung / Zusammenfassung · Impression / Conclusion.
    case impression
    /// Empfehlung / Procedere · Recommendation.
    case recommendation
    /// A header that is none of the above, or untitled text before the first header; kept, never dropped.
    case other

    /// The canonical sections in report order (without `other`).
    public static let canonicalOrder: [SectionKind] = [.clinicalInformation, .technique, .findings, .impression, .recommendation]

    /// The section title used when rendering a report in `language`.
    public func title(in language: Language) -> String {
        switch (self, language) {
        case (.clinicalInformation, .de): "Klinische Angaben"
        case (.clinicalInformation, .en): "Clinical Information"
        case (.technique, .de): "Technik"
        case (.technique, .en): "Technique"
        case (.findings, .de): "Befund"
        case (.findings, .en): "Findings"
        case (.impression, .de): "Beurteilung"
        case (.impression, .en): "Impression"
        case (.recommendation, .de): "Empfehlung"
        case (.recommendation, .en): "Recommendation"
        case (.other, .de): "Weitere Angaben"
        case (.other, .en): "Additional Information"
        }
    }
}

/// One section of a report: its kind, the header as dictated, and its body text.
public struct ReportSection: Sendable, Codable, Hashable {
    /// Which section this is.
    public var kind: SectionKind
    /// The title to render: the canonical title for known kinds, the dictated header for `other`, `nil` for untitled text.
    public var title: String?
    /// The header exactly as it appears in the normalised text, `nil` when the section had none.
    public var header: String?
    /// The span of the header in the normalised text.
    public var headerSpan: TextSpan?
    /// The body of the section (trimmed), without its header.
    public var text: String
    /// The span of the body in the normalised text.
    public var span: TextSpan

    /// Creates a section.
    public init(kind: SectionKind, title: String?, header: String?, headerSpan: TextSpan?, text: String, span: TextSpan) {
        self.kind = kind
        self.title = title
        self.header = header
        self.headerSpan = headerSpan
        self.text = text
        self.span = span
    }
}
