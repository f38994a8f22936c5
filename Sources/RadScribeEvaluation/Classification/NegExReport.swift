/// A NegEx test-set report rebuilt from its annotated sentences, for classification.
///
/// The test set has one row per annotated concept, so a report is the distinct sentences of its rows in file order;
/// sentences without an annotated concept are missing. The first sentence of many reports starts with a
/// de-identification header, `S_O_H  Counters Report Type … <counter>,<id> SP SP  E_O_H`, whose first code after the
/// id is the report type. The header is cut from the text, because it states the answer.
struct NegExReport: Sendable, Hashable {
    /// The report number.
    var id: String
    /// The report-type code from the header (`SP`, `ECHO`, `RAD`, `DS`, `ER`), `nil` when no annotated sentence has one.
    var reportType: String?
    /// The distinct sentences joined by spaces, header removed.
    var text: String

    private static let headerStart = "S_O_H"
    private static let headerEnd = "E_O_H"

    /// Groups `sentences` into reports, in order of first appearance.
    static func reports(from sentences: [AnnotatedSentence]) -> [NegExReport] {
        var order: [String] = []
        var parts: [String: [String]] = [:]
        for sentence in sentences where !(parts[sentence.id]?.contains(sentence.sentence) ?? false) {
            if parts[sentence.id] == nil { order.append(sentence.id) }
            parts[sentence.id, default: []].append(sentence.sentence)
        }
        return order.map { id in
            var reportType: String?
            let cleaned = (parts[id] ?? []).map { sentence in
                guard let header = header(in: sentence) else { return sentence }
                reportType = reportType ?? header.reportType
                return String(sentence[..<header.range.lowerBound] + sentence[header.range.upperBound...])
            }
            let text = cleaned.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
            return NegExReport(id: id, reportType: reportType, text: text.joined(separator: " "))
        }
    }

    /// The header's range in `sentence` and the report type it names.
    static func header(in sentence: String) -> (range: Range<String.Index>, reportType: String?)? {
        guard let start = sentence.firstRange(of: headerStart), let end = sentence[start.upperBound...].firstRange(of: headerEnd) else {
            return nil
        }
        let codes = sentence[start.upperBound..<end.lowerBound].split(whereSeparator: \.isWhitespace)
        let reportType = codes.firstIndex { $0.contains(",") }.flatMap {
            codes.index(after: $0) < codes.endIndex ? codes[codes.index(after: $0)] : nil
        }
        return (start.lowerBound..<end.upperBound, reportType.map(String.init))
    }
}
