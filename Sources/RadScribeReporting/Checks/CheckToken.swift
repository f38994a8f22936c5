import RadScribeCore

/// A word, number or clause mark of a finding's sentence, folded for matching, with its span in the report text and
/// what the check vocabulary says about it (looked up once, when the sentence is tokenised).
struct CheckToken {
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
    /// The side the word names ("links", "rechtsseitig", "li.", "beidseits"), if any.
    var side: Laterality?
    /// The word classes of the check vocabulary the word belongs to.
    var classes: CheckWordClasses = []

    /// Whether the word belongs to `wordClass`.
    func `is`(_ wordClass: CheckWordClasses) -> Bool {
        classes.contains(wordClass)
    }
}

/// Splits a finding's sentence into ``CheckToken``s in one pass over its UTF-8 bytes.
///
/// Spans are counted in UTF-16 code units as the scan goes: one per ASCII byte or lead byte, two for a four-byte
/// sequence, none for continuation bytes.
enum CheckTokenizer {
    /// The tokens of `finding.text`, with spans offset by the finding's start in the report text.
    static func tokens(of finding: Finding) -> [CheckToken] {
        var text = finding.text
        return text.withUTF8 { tokens(of: $0, startingAt: finding.span.start) }
    }

    private static func tokens(of bytes: UnsafeBufferPointer<UInt8>, startingAt start: Int) -> [CheckToken] {
        var tokens: [CheckToken] = []
        var folded: [UInt8] = []
        folded.reserveCapacity(32)
        var kind = CheckToken.Kind.word
        var tokenStart = 0
        var offset = start
        var index = 0

        func finishToken() {
            guard !folded.isEmpty else { return }
            var token = CheckToken(kind: kind, text: String(decoding: folded, as: UTF8.self), span: TextSpan(start: tokenStart, end: offset))
            if kind == .word { CheckVocabulary.classify(&token) }
            tokens.append(token)
            folded.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            let (scalar, length) = byte < 0x80 ? (Unicode.Scalar(byte), 1) : decode(bytes, at: index)
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            let lowerASCII = byte | 0x20
            let isASCIILetter = lowerASCII >= UInt8(ascii: "a") && lowerASCII <= UInt8(ascii: "z")
            if isDigit || isASCIILetter || (byte >= 0x80 && scalar.properties.isAlphabetic) {
                if folded.isEmpty {
                    kind = isDigit ? .number : .word
                    tokenStart = offset
                }
                if isASCIILetter {
                    folded.append(lowerASCII)
                } else if isDigit {
                    folded.append(byte)
                } else {
                    appendFolded(scalar, to: &folded)
                }
            } else if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "."), kind == .number, !folded.isEmpty, index + 1 < bytes.count,
                bytes[index + 1] >= UInt8(ascii: "0"), bytes[index + 1] <= UInt8(ascii: "9")
            {
                folded.append(byte)
            } else {
                finishToken()
                switch byte {
                case UInt8(ascii: "."):
                    if let last = tokens.indices.last, tokens[last].span.end == offset {
                        tokens[last].isFollowedByPeriod = true
                        tokens[last].side = tokens[last].side ?? CheckVocabulary.abbreviatedSides[tokens[last].text]
                    }
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
                    UInt8(ascii: "]"):
                    tokens.append(
                        CheckToken(kind: .clauseBreak, text: String(UnicodeScalar(byte)), span: TextSpan(start: offset, end: offset + 1))
                    )
                default:
                    break
                }
            }
            offset += length == 4 ? 2 : 1
            index += length
        }
        finishToken()
        return tokens
    }

    /// The non-ASCII scalar whose UTF-8 encoding starts at `index`, and the encoding's length (invalid bytes decode as U+FFFD).
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let byte = bytes[index]
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for continuation in bytes[(index + 1)..<(index + length)] {
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Appends the non-ASCII letter `scalar` lower-cased, with ä, ö, ü, ß written as ae, oe, ue, ss.
    private static func appendFolded(_ scalar: Unicode.Scalar, to folded: inout [UInt8]) {
        switch scalar {
        case "ä", "Ä":
            folded += [UInt8(ascii: "a"), UInt8(ascii: "e")]
        case "ö", "Ö":
            folded += [UInt8(ascii: "o"), UInt8(ascii: "e")]
        case "ü", "Ü":
            folded += [UInt8(ascii: "u"), UInt8(ascii: "e")]
        case "ß", "ẞ":
            folded += [UInt8(ascii: "s"), UInt8(ascii: "s")]
        default:
            folded += scalar.properties.lowercaseMapping.utf8
        }
    }
}
