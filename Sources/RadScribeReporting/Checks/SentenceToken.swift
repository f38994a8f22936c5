import RadScribeCore

/// A word, number or clause mark of a finding's sentence, folded for matching, with its span in the report text.
struct SentenceToken: Hashable {
    /// What a token is.
    enum Kind: Hashable {
        /// Letters, possibly with digits ("links", "t2").
        case word
        /// Digits, possibly with a decimal mark ("3,5").
        case number
        /// A comma, semicolon, colon or bracket: it ends a clause.
        case clauseBreak
    }

    /// What the token is.
    var kind: Kind
    /// The token lower-cased with umlauts transliterated ("Größe" → "groesse"), so dictated and typed spellings match.
    var text: String
    /// Its span in the normalised report text.
    var span: TextSpan
    /// Whether a period follows directly, as after the abbreviations "li." or "Z. n.".
    var isFollowedByPeriod = false
}

/// Splits a finding's sentence into ``SentenceToken``s in one pass over its Unicode scalars.
enum SentenceTokenizer {
    /// The tokens of `finding.text`, with spans offset by the finding's start in the report text.
    static func tokens(of finding: Finding) -> [SentenceToken] {
        var tokens: [SentenceToken] = []
        var current = ""
        var currentKind = SentenceToken.Kind.word
        var currentStart = 0
        var offset = finding.span.start
        let scalars = Array(finding.text.unicodeScalars)

        func finishToken() {
            guard !current.isEmpty else { return }
            tokens.append(SentenceToken(kind: currentKind, text: current, span: TextSpan(start: currentStart, end: offset)))
            current = ""
        }

        for (index, scalar) in scalars.enumerated() {
            let isDigit = ("0"..."9").contains(scalar)
            if isDigit || scalar.properties.isAlphabetic {
                if current.isEmpty {
                    currentKind = isDigit ? .number : .word
                    currentStart = offset
                }
                appendFolded(scalar, to: &current)
            } else if (scalar == "," || scalar == "."), currentKind == .number, !current.isEmpty,
                index + 1 < scalars.count, ("0"..."9").contains(scalars[index + 1])
            {
                current.unicodeScalars.append(scalar)
            } else {
                finishToken()
                switch scalar {
                case ".":
                    if let last = tokens.indices.last, tokens[last].span.end == offset { tokens[last].isFollowedByPeriod = true }
                case ",", ";", ":", "(", ")", "[", "]":
                    tokens.append(SentenceToken(kind: .clauseBreak, text: String(scalar), span: TextSpan(start: offset, end: offset + 1)))
                default:
                    break
                }
            }
            offset += scalar.utf16.count
        }
        finishToken()
        return tokens
    }

    /// Appends `scalar` lower-cased, with ä, ö, ü, ß written as ae, oe, ue, ss.
    private static func appendFolded(_ scalar: Unicode.Scalar, to text: inout String) {
        switch scalar {
        case "A"..."Z":
            text.unicodeScalars.append(Unicode.Scalar(scalar.value + 0x20)!)
        case "a"..."z", "0"..."9":
            text.unicodeScalars.append(scalar)
        case "ä", "Ä":
            text += "ae"
        case "ö", "Ö":
            text += "oe"
        case "ü", "Ü":
            text += "ue"
        case "ß", "ẞ":
            text += "ss"
        default:
            text += scalar.properties.lowercaseMapping
        }
    }
}
