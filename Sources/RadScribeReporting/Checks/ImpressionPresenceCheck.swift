import RadScribeCore

/// Warns when a report has no impression section, or only an empty one.
///
/// Severity depends on length: a report of fewer than ``shortReportWordCount`` words (a one-line follow-up such as
/// "Kein Pneumothorax nach Drainagenentfernung.") often needs no separate impression, so it gets `info`; a longer
/// report gets `warning`. An empty text gets nothing: there is no report to conclude. The warning has no evidence,
/// since it rests on something absent.
struct ImpressionPresenceCheck: ConsistencyCheck {
    /// Reports with fewer words than this are short enough to do without an impression.
    static let shortReportWordCount = 15

    func warnings(for input: CheckInput) -> [ReportWarning] {
        let words = Self.wordCount(of: input.text, upTo: Self.shortReportWordCount)
        let hasImpression = input.sections.contains { $0.kind == .impression && Self.wordCount(of: $0.text, upTo: 1) > 0 }
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

    /// The number of runs of letters, digits and non-ASCII characters in `text` (a byte scan: umlauts count as
    /// letters), counting no further than `limit`.
    static func wordCount(of text: String, upTo limit: Int) -> Int {
        var count = 0
        var isInWord = false
        for byte in text.utf8 {
            let lower = byte | 0x20
            let isWordByte =
                byte >= 0x80 || (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            if isWordByte, !isInWord {
                count += 1
                if count == limit { return count }
            }
            isInWord = isWordByte
        }
        return count
    }
}
