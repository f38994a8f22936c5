import RadScribeCore

/// Checks a structured report for contradictions, critical results, unit slips and missing parts.
///
/// Six checks run on the findings and sections: laterality mismatches, negation conflicts between findings and
/// impression, critical findings, implausible measurements, anatomy that does not match the patient's sex, and a
/// missing impression. Messages are in the report language; evidence spans refer to the normalised text.
public struct ConsistencyChecker: Sendable {
    private let checks: [any ConsistencyCheck] = [
        LateralityCheck(),
        NegationConflictCheck(),
        CriticalFindingCheck(),
        MeasurementPlausibilityCheck(),
        SexAnatomyCheck(),
        ImpressionPresenceCheck(),
    ]

    /// Creates a checker.
    public init() {}

    /// Runs every check and returns the warnings, most severe first, then in text order.
    ///
    /// - Parameters:
    ///   - text: The normalised report text that all spans refer to.
    ///   - sections: The report's sections.
    ///   - findings: The report's sentence-level findings.
    ///   - language: The language of the messages.
    ///   - context: What is known about the exam; a known patient sex enables the sex-specific anatomy check.
    ///   - clinicalQuestionLaterality: The side named by `context.clinicalQuestion`, as computed by the caller; when `nil`,
    ///     the side comes from the findings of the clinical-information section.
    /// - Returns: The warnings, sorted by severity (critical first), then by the position of their first evidence span.
    public func check(
        text: String,
        sections: [ReportSection],
        findings: [Finding],
        language: Language,
        context: ReportContext,
        clinicalQuestionLaterality: Laterality?
    ) -> [ReportWarning] {
        let input = CheckInput(
            text: text,
            sections: sections,
            findings: findings.map(CheckedFinding.init),
            language: language,
            context: context,
            clinicalQuestionLaterality: clinicalQuestionLaterality
        )
        return checks.flatMap { $0.warnings(for: input) }.sorted(by: Self.isOrderedBefore)
    }

    /// Most severe first; then by first evidence (warnings without evidence last); then by code and message, so the
    /// order never depends on the order the checks ran in.
    private static func isOrderedBefore(_ lhs: ReportWarning, _ rhs: ReportWarning) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        let lhsStart = lhs.evidence.first?.start ?? Int.max
        let rhsStart = rhs.evidence.first?.start ?? Int.max
        if lhsStart != rhsStart { return lhsStart < rhsStart }
        if lhs.code != rhs.code { return lhs.code.rawValue < rhs.code.rawValue }
        return lhs.message < rhs.message
    }
}

/// One consistency rule.
protocol ConsistencyCheck: Sendable {
    /// The warnings this rule raises for the report.
    func warnings(for input: CheckInput) -> [ReportWarning]
}

/// What every check reads: the report's text, sections and tokenised findings, and the exam context.
struct CheckInput {
    /// The normalised report text.
    let text: String
    /// The report's sections.
    let sections: [ReportSection]
    /// The findings, each with its sentence tokenised.
    let findings: [CheckedFinding]
    /// The language of the messages.
    let language: Language
    /// The exam context.
    let context: ReportContext
    /// The side named by the ordered clinical question, if the caller found one.
    let clinicalQuestionLaterality: Laterality?

    /// The findings that stand in one of `kinds`, in text order.
    func findings(in kinds: [SectionKind]) -> [CheckedFinding] {
        findings.filter { kinds.contains($0.finding.section) }
    }

    /// Picks the message for the report language.
    func localized(de german: String, en english: String) -> String {
        switch language {
        case .de: german
        case .en: english
        }
    }
}
