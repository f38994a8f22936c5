/// Where a report's structure came from.
public struct Provenance: Sendable, Codable, Hashable {
    /// `rule-based` for the deterministic engine; an LLM provider name when one improved the report.
    public var engine: String
    /// The engine's version.
    public var engineVersion: String
    /// The version of the terminology file used.
    public var lexiconVersion: String

    /// Creates provenance.
    public init(engine: String, engineVersion: String, lexiconVersion: String) {
        self.engine = engine
        self.engineVersion = engineVersion
        self.lexiconVersion = lexiconVersion
    }
}

/// How the report language was chosen.
public enum LanguageSource: String, Sendable, Codable, Hashable {
    /// The caller named it.
    case requested
    /// It was detected from the text.
    case detected
}

/// A dictation turned into a structured, checked radiology report.
///
/// Versioned: ``schemaVersion`` changes whenever a field changes meaning or disappears; new optional fields do not
/// change it. The JSON form uses snake_case keys and is produced by ``ReportJSON``. All spans refer to ``text``,
/// except ``NormalizationEdit/source``, which refers to ``originalText``.
public struct StructuredReport: Sendable, Codable, Hashable {
    /// The schema version this code writes.
    public static let currentSchemaVersion = "1.0"

    /// The schema version of this report.
    public var schemaVersion: String
    /// The report language.
    public var language: Language
    /// Whether the language was requested or detected.
    public var languageSource: LanguageSource
    /// The dictation exactly as received.
    public var originalText: String
    /// The normalised dictation that sections, findings and spans refer to.
    public var text: String
    /// Every change normalisation made, in order.
    public var normalization: [NormalizationEdit]
    /// The sections in the order dictated.
    public var sections: [ReportSection]
    /// The exam type and how it was decided.
    public var classification: Classification
    /// Sentence-level findings.
    public var findings: [Finding]
    /// Type-specific data from the specialised agents.
    public var examData: ExamData
    /// Consistency warnings, most severe first.
    public var warnings: [ReportWarning]
    /// Which engine produced this.
    public var provenance: Provenance
    /// The sections as an LLM rewrote them, where its text passed the checks against the dictation; absent when no
    /// LLM is configured.
    public var rewrite: ReportRewrite?

    /// Creates a report.
    public init(
        schemaVersion: String = StructuredReport.currentSchemaVersion,
        language: Language,
        languageSource: LanguageSource,
        originalText: String,
        text: String,
        normalization: [NormalizationEdit],
        sections: [ReportSection],
        classification: Classification,
        findings: [Finding],
        examData: ExamData,
        warnings: [ReportWarning],
        provenance: Provenance,
        rewrite: ReportRewrite? = nil
    ) {
        self.schemaVersion = schemaVersion
        self.language = language
        self.languageSource = languageSource
        self.originalText = originalText
        self.text = text
        self.normalization = normalization
        self.sections = sections
        self.classification = classification
        self.findings = findings
        self.examData = examData
        self.warnings = warnings
        self.provenance = provenance
        self.rewrite = rewrite
    }

    /// The first section of `kind`, if any.
    public func section(_ kind: SectionKind) -> ReportSection? {
        sections.first { $0.kind == kind }
    }
}
