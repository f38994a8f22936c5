import RadScribeCore

/// Splits a normalised report text into its sections.
///
/// Headers may be typed ("Befund:", "FINDINGS:", "Findings" alone on a line, "Impression -") or spoken in running text
/// ("… keine voraufnahmen befund die lunge ist frei beurteilung kein infiltrat"), in any order, German or English; the
/// rules that tell a header from the same word in prose are documented on `SectionHeaderDetector`. Unknown line-start
/// headers ("Nebenbefund:", "Addendum:") become `other` sections titled as dictated.
///
/// Text before the first header: with no header at all, the whole text is the findings. Otherwise it becomes the canonical
/// section that precedes the first header's kind (before "Impression" it is the findings, as in chest X-ray reports), and
/// an untitled `other` section before a clinical-information header (typically the exam title, "MRT der LWS nativ").
/// Before an unknown header it is the findings.
///
/// Every non-whitespace character of the input lies in exactly one section's header or body, in order; bodies are
/// trimmed of whitespace only. Repeated headers give separate sections in dictation order.
public struct SectionSegmenter: Sendable {
    /// Creates a segmenter.
    public init() {}

    /// The sections of `text`, in text order; empty for a text of only whitespace.
    ///
    /// - Parameters:
    ///   - text: The normalised dictation.
    ///   - language: The report language; it selects the canonical section titles (headers of both languages are recognised).
    public func segment(_ text: String, language: Language) -> [ReportSection] {
        let folded = FoldedText(text)
        return segment(folded, language: language)
    }

    /// The sections of an already folded text (the pipeline folds once for all components).
    func segment(_ text: FoldedText, language: Language) -> [ReportSection] {
        let headers = SectionHeaderDetector(text: text, style: WritingStyle(text: text, language: language)).headers()
        var sections: [ReportSection] = []
        sections.reserveCapacity(headers.count + 1)
        let preambleEnd = headers.first?.start ?? text.units.count
        if let preamble = trimmedBody(in: text, from: 0, to: preambleEnd) {
            let kind = Self.preambleKind(before: headers.first?.kind)
            sections.append(
                ReportSection(
                    kind: kind,
                    title: kind == .other ? nil : kind.title(in: language),
                    header: nil,
                    headerSpan: nil,
                    text: text.string(preamble.start, preamble.end),
                    span: preamble
                )
            )
        }
        for (index, header) in headers.enumerated() {
            let bodyEnd = index + 1 < headers.count ? headers[index + 1].start : text.units.count
            let body = trimmedBody(in: text, from: header.end, to: bodyEnd) ?? TextSpan(start: header.end, end: header.end)
            sections.append(
                ReportSection(
                    kind: header.kind,
                    title: header.title ?? header.kind.title(in: language),
                    header: text.string(header.start, header.end),
                    headerSpan: TextSpan(start: header.start, end: header.end),
                    text: text.string(body.start, body.end),
                    span: body
                )
            )
        }
        return sections
    }

    /// The kind of the text before the first header.
    static func preambleKind(before firstHeader: SectionKind?) -> SectionKind {
        guard let firstHeader, let position = SectionKind.canonicalOrder.firstIndex(of: firstHeader) else { return .findings }
        return position == 0 ? .other : SectionKind.canonicalOrder[position - 1]
    }

    /// The span of `start..<end` without leading and trailing whitespace, or `nil` when nothing is left.
    private func trimmedBody(in text: FoldedText, from start: Int, to end: Int) -> TextSpan? {
        var start = start
        var end = end
        while start < end, CodeUnit.isWhitespace(text.units[start]) { start += 1 }
        while end > start, CodeUnit.isWhitespace(text.units[end - 1]) { end -= 1 }
        return start < end ? TextSpan(start: start, end: end) : nil
    }
}
