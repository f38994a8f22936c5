import RadScribeCore

/// Builds the dictation variants of the segmentation test from an Open-i report's fields.
struct DictationAssembler: Sendable {
    /// Assembles `report` as `variant`; empty fields are left out.
    func assemble(_ report: OpenIReport, as variant: DictationVariant) -> AssembledDictation {
        var builder = Builder()
        switch variant {
        case .typedHeaders:
            for (field, text) in fields(of: report, includingContext: true) {
                builder.append(header: "\(field.rawValue.uppercased()): ", field: field, text: text, separator: "\n")
            }
        case .spokenHeaders:
            for (field, text) in fields(of: report, includingContext: true) {
                builder.append(header: "\(field.rawValue) ", field: field, text: spoken(text), separator: " ")
            }
        case .missingFindingsHeader:
            for (field, text) in fields(of: report, includingContext: false) {
                builder.append(header: field == .findings ? "" : "Impression: ", field: field, text: text, separator: "\n")
            }
        }
        return AssembledDictation(text: builder.text, placements: builder.placements)
    }

    /// The non-empty fields in report order; without indication and comparison unless `includingContext`.
    private func fields(of report: OpenIReport, includingContext: Bool) -> [(ReportField, String)] {
        var fields: [(ReportField, String)] = []
        if includingContext {
            fields.append((.indication, report.indication))
            if !Self.isNone(report.comparison) { fields.append((.comparison, report.comparison)) }
        }
        fields.append((.findings, report.findings))
        fields.append((.impression, report.impression))
        return fields.filter { !$0.1.isEmpty }
    }

    /// Whether a comparison says there was none ("None.", "none").
    static func isNone(_ comparison: String) -> Bool {
        var value = comparison.lowercased()
        while value.hasSuffix(".") { value.removeLast() }
        return value == "none"
    }

    /// The text as a speech engine would write it: lower case, without colons, whitespace runs as one space.
    func spoken(_ text: String) -> String {
        text.lowercased().filter { $0 != ":" }.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Appends fields and records their spans.
    private struct Builder {
        var text = ""
        var placements: [AssembledDictation.Placement] = []
        private var length = 0

        mutating func append(header: String, field: ReportField, text fieldText: String, separator: String) {
            if !text.isEmpty { add(separator) }
            add(header)
            let start = length
            add(fieldText)
            placements.append(.init(field: field, span: TextSpan(start: start, end: length)))
        }

        private mutating func add(_ part: String) {
            text += part
            length += part.utf16.count
        }
    }
}
