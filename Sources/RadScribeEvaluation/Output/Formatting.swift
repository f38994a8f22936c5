import Foundation

/// Number formats shared by the evaluation tables.
enum Formatting {
    /// `0.9567` → `95.7%`; `nil` → `–`.
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "–"
    }

    /// `0.9567` → `0.957`; `nil` → `–`.
    static func ratio(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "–"
    }

    /// `1.23456` → `1.23 s`.
    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f s", duration.seconds)
    }

    /// `part` of `whole` as `12 (34.5%)`.
    static func count(_ part: Int, of whole: Int) -> String {
        "\(part) (\(percent(whole > 0 ? Double(part) / Double(whole) : nil)))"
    }

    /// The first `length` characters of `text` on one line (whitespace runs as one space), with an ellipsis when cut.
    static func excerpt(_ text: some StringProtocol, length: Int) -> String {
        var line = ""
        var characters = 0
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = characters > 0
                continue
            }
            if pendingSpace {
                line.append(" ")
                characters += 1
                pendingSpace = false
            }
            if characters >= length { return line.trimmingCharacters(in: .whitespaces) + "…" }
            line.append(character)
            characters += 1
        }
        return line
    }

    /// `range` of `text` with up to `context` characters on each side, on one line, with ellipses where cut.
    static func excerpt(around range: Range<String.Index>, in text: String, context: Int) -> String {
        let start = text.index(range.lowerBound, offsetBy: -context, limitedBy: text.startIndex) ?? text.startIndex
        let end = text.index(range.upperBound, offsetBy: context, limitedBy: text.endIndex) ?? text.endIndex
        let line = excerpt(text[start..<end], length: .max)
        return (start > text.startIndex ? "…" : "") + line + (end < text.endIndex ? "…" : "")
    }
}
