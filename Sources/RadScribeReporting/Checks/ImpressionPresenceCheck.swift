import RadScribeCore

/// Warns when a report has no impression section, or only an empty one.
///
/// Severity depends on length: a report of fewer than ``shortReportWordCount`` words (a one-line follow-up such as
/// "Kein Pneumothorax nach Drainagenentfernung.") often needs no separate impression, so it gets `info`; a longer
/// report gets `warning`. An empty text gets nothing: there is no report to conclude. The warning has no evidence,
/// since it rests on something absent.
struct ImpressionPresenceCheck: ConsistencyCheck {
    /// Reports with fewer words than this are short enough to do without an impression.
    static let shortReportWordCount = 25

    func warnings(for input: CheckInput) -> [ReportWarning] {
        let words = Self.wordCount(of: input.text)
        let hasImpression = input.sections.contains { $0.kind == .impression && Self.wordCount(of: $0.text) > 0 }
        guard words > 0, !hasImpression else { return [] }
        return [
            ReportWarning(
                code: .missingImpression,
                severity: words < Self.shortReportWordCount ? .info : .warning,
                message: input.localized(de: "Keine Beurteilung diktiert.", en: "No impression dictated."),
                evidence: []
            )
        ]
    }

    /// The number of runs of letters or digits in `text`.
    static func wordCount(of text: String) -> Int {
        var count = 0
        var isInWord = false
        for scalar in text.unicodeScalars {
            let isWordScalar = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isWordScalar, !isInWord { count += 1 }
            isInWord = isWordScalar
        }
        return count
    }
}
