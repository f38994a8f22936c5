/// Escapes text so that Markdown (CommonMark and GitHub Flavored Markdown) shows it literally.
///
/// Per line: leading spaces and tabs are dropped (four of them would start a code block); a line that would start a
/// heading (`#`), quote (`>`), bullet (`-`, `+`, `*`), setext underline (`=`) or ordered list item (`1.`, `2)`) gets a
/// backslash before the marker; and the inline markers `\`, `` ` ``, `*`, `_`, `~`, `[`, `]` and `<` are escaped
/// everywhere, so "T2*-gewichtet", "~3 cm" or "<5 mm" stay text. Line breaks are kept (`\r\n` becomes `\n`).
/// Every marker is ASCII, so the escaper copies UTF-8 bytes and never splits a multi-byte character.
enum MarkdownEscaper {
    /// `text` with every line escaped.
    static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { escape($0) }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + bytes.count / 16 + 8)
        var isAtLineStart = true
        var listMarker = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { continue }
                result.append(UInt8(ascii: "\n"))
                isAtLineStart = true
                continue
            }
            if isAtLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { continue }
                isAtLineStart = false
                if isLineStartMarker(byte) { result.append(UInt8(ascii: "\\")) }
                listMarker = orderedListMarker(startingAt: index - 1, in: bytes)
            }
            if isInlineMarker(byte) || index - 1 == listMarker { result.append(UInt8(ascii: "\\")) }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func isInlineMarker(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "<"):
            true
        default: false
        }
    }

    private static func isLineStartMarker(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="): true
        default: false
        }
    }

    /// The index of the `.` or `)` of an ordered-list marker ("1. ", "12) ") that starts at `start`, or -1.
    private static func orderedListMarker(startingAt start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var index = start
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        guard (1...9).contains(index - start), index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")")
        else { return -1 }
        guard index + 1 < bytes.count else { return index }
        switch bytes[index + 1] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return index
        default: return -1
        }
    }
}
