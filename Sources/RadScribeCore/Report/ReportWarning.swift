/// What a consistency check found.
public enum WarningCode: String, Sendable, Codable, Hashable, CaseIterable {
    /// Left and right disagree: the clinical question names one side and the findings the other, or one lesion is given both sides.
    case lateralityMismatch = "laterality_mismatch"
    /// The impression asserts what the findings negate, or the other way round.
    case negationConflict = "negation_conflict"
    /// A finding that needs direct communication to the referring physician (pneumothorax, pulmonary embolism, …).
    case criticalFinding = "critical_finding"
    /// A measurement that cannot be right for what it measures (a unit slip such as 45 cm for a renal lesion).
    case implausibleMeasurement = "implausible_measurement"
    /// Anatomy that the patient's sex does not have (prostate in a female patient, uterus in a male).
    case sexAnatomyConflict = "sex_anatomy_conflict"
    /// The report has no impression.
    case missingImpression = "missing_impression"
    /// An LLM's text for a section was not used because it did not match the dictation (or was malformed).
    case llmSectionRejected = "llm_section_rejected"
    /// No LLM provider answered in time: the report is the rule-based one.
    case llmUnavailable = "llm_unavailable"
}

/// How urgently a warning needs attention.
public enum WarningSeverity: String, Sendable, Codable, Hashable, Comparable {
    case info
    case warning
    case critical

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    public static func < (lhs: WarningSeverity, rhs: WarningSeverity) -> Bool { lhs.rank < rhs.rank }
}

/// A consistency warning with the text spans that prove it.
public struct ReportWarning: Sendable, Codable, Hashable {
    /// What was found.
    public var code: WarningCode
    /// How urgent it is.
    public var severity: WarningSeverity
    /// A sentence for the radiologist, in the report language.
    public var message: String
    /// Spans in the normalised report text that the warning rests on.
    public var evidence: [TextSpan]

    /// Creates a warning.
    public init(code: WarningCode, severity: WarningSeverity, message: String, evidence: [TextSpan]) {
        self.code = code
        self.severity = severity
        self.message = message
        self.evidence = evidence
    }
}
