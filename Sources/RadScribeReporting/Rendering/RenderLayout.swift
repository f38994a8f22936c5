import RadScribeCore

/// One block of a rendered report: an optional title and its body.
struct RenderedBlock {
    /// The title; `nil` for the untitled preamble.
    let title: String?
    /// The body, trimmed; parts of merged sections are separated by a blank line.
    let body: String
}

/// Puts a report's sections into rendering order and merges repeated ones.
///
/// The untitled preamble comes first, then the canonical sections (clinical information, technique, findings,
/// impression, recommendation) under their canonical titles, then the other titled sections in dictation order.
/// Sections of the same kind (or `other` sections with the same title, ignoring case and a trailing colon) are merged
/// into one, their bodies joined by a blank line. Sections whose body is empty are left out. A report without sections
/// renders its text as the preamble. A body that starts with a lower-case letter (a spoken header followed by speech-engine
/// text, "befund in höhe L4/5 …") starts with a capital, as a sentence after a title does; the report text itself is unchanged.
enum RenderLayout {
    /// The blocks to render for `report`, in rendering order.
    static func arrange(_ report: StructuredReport) -> [RenderedBlock] {
        guard !report.sections.isEmpty else {
            let text = trimmed(report.text)
            return text.isEmpty ? [] : [RenderedBlock(title: nil, body: text)]
        }
        var blocks: [(title: String?, bodies: [String])] = []

        func add(_ section: ReportSection, title: String?) {
            let body = capitalizingFirstLetter(trimmed(section.text))
            if let index = blocks.firstIndex(where: { $0.title?.lowercased() == title?.lowercased() }) {
                blocks[index].bodies.append(body)
            } else {
                blocks.append((title, [body]))
            }
        }

        for section in report.sections where section.kind == .other && otherTitle(of: section) == nil {
            add(section, title: nil)
        }
        for kind in SectionKind.canonicalOrder {
            for section in report.sections where section.kind == kind {
                add(section, title: kind.title(in: report.language))
            }
        }
        for section in report.sections where section.kind == .other {
            guard let title = otherTitle(of: section) else { continue }
            add(section, title: title)
        }
        return blocks.compactMap { block in
            let body = block.bodies.filter { !$0.isEmpty }.joined(separator: "\n\n")
            return body.isEmpty ? nil : RenderedBlock(title: block.title, body: body)
        }
    }

    /// The title of an `other` section, without surrounding whitespace or a trailing colon; `nil` when it has none.
    private static func otherTitle(of section: ReportSection) -> String? {
        guard var title = section.title.map(trimmed) else { return nil }
        while title.hasSuffix(":") { title = trimmed(String(title.dropLast())) }
        return title.isEmpty ? nil : title
    }

    /// `text` with its first character upper-cased when it is a lower-case letter.
    static func capitalizingFirstLetter(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// `text` without leading and trailing whitespace and newlines.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
