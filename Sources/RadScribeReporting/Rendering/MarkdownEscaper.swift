/// Escapes text so that Markdown (CommonMark and GitHub Flavored Markdown) shows it literally.
///
/// Per line: leading spaces and tabs are dropped (four of them would start a code block); a line that would start a
/// heading (`#`), quote (`>`), bullet (`-`, `+`, `*`), setext underline (`=`) or ordered list item (`1.`, `2)`) gets a
/// backslash before the marker; and the inline markers `\`, `` ` ``, `*`, `_`, `~`, `[`, `]` and `<` are escaped
/// everywhere, so "T2*-gewichtet", "~3 cm" or "<5 mm" stay text. Line breaks are kept (written as `\n`).
enum MarkdownEscaper {
    private static let inlineMarkers: Set<Character> = ["\\", "`", "*", "_", "~", "[", "]", "<"]
    private static let lineStartMarkers: Set<Character> = ["#", ">", "-", "+", "="]

    /// `text` with every line escaped.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        var isFirstLine = true
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if !isFirstLine { result.append("\n") }
            isFirstLine = false
            appendEscaped(line.drop { $0 == " " || $0 == "\t" }, to: &result)
        }
        return result
    }

    private static func appendEscaped(_ line: Substring, to result: inout String) {
        if let first = line.first, lineStartMarkers.contains(first) { result.append("\\") }
        let listMarker = orderedListMarker(in: line)
        for index in line.indices {
            let character = line[index]
            if inlineMarkers.contains(character) || index == listMarker { result.append("\\") }
            result.append(character)
        }
    }

    /// The index of the `.` or `)` of an ordered-list marker at the start of `line` ("1. ", "12) "), if there is one.
    private static func orderedListMarker(in line: Substring) -> Substring.Index? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), digits.endIndex < line.endIndex else { return nil }
        let marker = line[digits.endIndex]
        guard marker == "." || marker == ")" else { return nil }
        let next = line.index(after: digits.endIndex)
        return next == line.endIndex || line[next] == " " || line[next] == "\t" ? digits.endIndex : nil
    }
}
