import RadScribeCore

/// A lower-cased run of letters and digits and where it stands.
struct WordToken: Sendable, Hashable {
    /// The word, lower-cased.
    var text: String
    /// Its UTF-16 span in the tokenised text.
    var span: TextSpan
}

/// Splits a text into words: maximal runs of letters and digits, everything else separates.
///
/// "x-XXXX" gives `x`, `xxxx`; "3.5 cm" gives `3`, `5`, `cm`. The evaluation compares words, not punctuation or spacing,
/// so a normaliser that re-punctuates or re-spaces the text does not count against the segmenter.
enum WordTokenizer {
    /// The words of `text` in order.
    static func words(in text: String) -> [WordToken] {
        var tokens: [WordToken] = []
        var current = String.UnicodeScalarView()
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.append(scalar)
            } else if !current.isEmpty {
                tokens.append(WordToken(text: String(current).lowercased(), span: TextSpan(start: start, end: offset)))
                current.removeAll(keepingCapacity: true)
            }
            offset += scalar.utf16.count
        }
        if !current.isEmpty {
            tokens.append(WordToken(text: String(current).lowercased(), span: TextSpan(start: start, end: offset)))
        }
        return tokens
    }

    /// Letters and digits; ASCII is decided without the Unicode property tables, which dominate the run time otherwise.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        default: scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
    }
}
