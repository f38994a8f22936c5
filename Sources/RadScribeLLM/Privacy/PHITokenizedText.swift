/// One word, number or symbol of a dictation, located by UTF-8 offsets.
struct PHIToken: Sendable {
    /// What a token is made of.
    enum Kind: Sendable {
        /// Starts with a letter; may hold digits and inner hyphens or apostrophes ("Müller-Lüdenscheidt", "C5-C6").
        case word
        /// A run of ASCII digits.
        case number
        /// Any other single visible character.
        case symbol
    }

    /// What the token is made of.
    let kind: Kind
    /// The UTF-8 offset of its first byte.
    let start: Int
    /// The UTF-8 offset after its last byte.
    let end: Int
    /// Whether whitespace or the start of the text comes right before it.
    let spaceBefore: Bool
    /// Whether a line break lies between the previous token and this one.
    let lineBreakBefore: Bool
    /// The token as written.
    let text: String
    /// The token in lower case, which is what case-insensitive tables compare.
    let key: String
    /// How many ASCII digits it holds.
    let digitCount: Int

    /// Whether its first letter is a capital.
    var startsUppercase: Bool { text.unicodeScalars.first?.properties.isUppercase == true }
    /// Whether it holds a lower-case letter.
    var hasLowercase: Bool { text.unicodeScalars.contains { $0.properties.isLowercase } }
}

/// A dictation cut into words, numbers and symbols: the unit every PHI detector works on.
///
/// Words keep inner hyphens and apostrophes, numbers are runs of ASCII digits, and every other visible character is a
/// symbol token of its own, so "12.03.2024" is five tokens and "Hauptstr." two. Offsets are UTF-8 offsets into
/// ``utf8``, which lets the pseudonymiser copy the text between detections byte for byte.
struct PHITokenizedText: Sendable {
    /// The text's UTF-8 bytes.
    let utf8: [UInt8]
    /// The tokens in text order.
    let tokens: [PHIToken]
    /// Whether the text has no capitalised words apart from sentence starts, as raw speech recognition output has.
    ///
    /// Capitals then say nothing about names, and the detectors fall back to lower-case cues.
    let isCaseless: Bool

    /// Tokenises `text`.
    init(_ text: String) {
        let utf8 = Array(text.utf8)
        let tokens = Self.tokenize(utf8)
        self.utf8 = utf8
        self.tokens = tokens
        self.isCaseless = !Self.hasMidSentenceCapitals(tokens)
    }

    /// The number of tokens.
    var count: Int { tokens.count }

    /// The token at `index`.
    subscript(index: Int) -> PHIToken { tokens[index] }

    /// Whether the token at `index` exists and is the symbol `symbol`.
    func isSymbol(_ index: Int, _ symbol: String) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .symbol && tokens[index].text == symbol
    }

    /// Whether the token at `index` exists and follows the previous one without whitespace.
    func isGlued(_ index: Int) -> Bool {
        index > 0 && index < tokens.count && !tokens[index].spaceBefore
    }

    /// Whether the token at `index` exists and is a number of `digits` digits.
    func isNumber(_ index: Int, digits: some RangeExpression<Int>) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .number && digits.contains(tokens[index].digitCount)
    }

    /// The value of the number token at `index`; `nil` when it is no number.
    func value(_ index: Int) -> Int? {
        guard index >= 0, index < tokens.count, tokens[index].kind == .number, tokens[index].digitCount <= 9 else { return nil }
        return Int(tokens[index].text)
    }

    /// Whether the token at `index` is a measurement unit or the slash of a rate ("mm", "HU", "/µl"), which makes the
    /// number before it a measurement, not an identifier.
    func isUnit(_ index: Int) -> Bool {
        isUnitWord(index) || (isGlued(index) && isSymbol(index, "/"))
    }

    /// Whether the token at `index` is a measurement unit ("mm", "HU", "ml").
    func isUnitWord(_ index: Int) -> Bool {
        index < tokens.count && PHIVocabulary.units.contains(tokens[index].key)
    }

    /// The text that `range` of tokens covers, including the whitespace between them.
    func string(_ range: Range<Int>) -> String {
        String(decoding: utf8[tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end], as: UTF8.self)
    }

    // MARK: - Tokenising

    private enum Category {
        case letter, digit, space, lineBreak, joiner, other
    }

    private static func tokenize(_ utf8: [UInt8]) -> [PHIToken] {
        var tokens: [PHIToken] = []
        tokens.reserveCapacity(utf8.count / 4)
        var index = 0
        var spaceBefore = true
        var lineBreakBefore = false
        func append(_ kind: PHIToken.Kind, _ start: Int, _ end: Int) {
            let text = String(decoding: utf8[start..<end], as: UTF8.self)
            let digits = utf8[start..<end].reduce(0) { $0 + ((0x30...0x39).contains($1) ? 1 : 0) }
            let key = kind == .word ? text.lowercased() : text
            tokens.append(
                PHIToken(
                    kind: kind,
                    start: start,
                    end: end,
                    spaceBefore: spaceBefore,
                    lineBreakBefore: lineBreakBefore,
                    text: text,
                    key: key,
                    digitCount: digits
                )
            )
            spaceBefore = false
            lineBreakBefore = false
        }
        while index < utf8.count {
            let (category, length) = Self.category(in: utf8, at: index)
            switch category {
            case .space:
                spaceBefore = true
                index += length
            case .lineBreak:
                spaceBefore = true
                lineBreakBefore = true
                index += length
            case .letter:
                let end = wordEnd(in: utf8, from: index + length)
                append(.word, index, end)
                index = end
            case .digit:
                var end = index + 1
                while end < utf8.count, (0x30...0x39).contains(utf8[end]) { end += 1 }
                append(.number, index, end)
                index = end
            case .joiner, .other:
                append(.symbol, index, index + length)
                index += length
            }
        }
        return tokens
    }

    /// The end of a word whose first letter ends at `start`: letters and digits, joined by a hyphen or apostrophe only
    /// when a letter or digit follows it. A possessive "'s" is not joined, so "Smith's" is the name "Smith" and `'s`.
    private static func wordEnd(in utf8: [UInt8], from start: Int) -> Int {
        var end = start
        while end < utf8.count {
            let (category, length) = Self.category(in: utf8, at: end)
            if category == .letter || category == .digit {
                end += length
            } else if category == .joiner, isAlphanumeric(in: utf8, at: end + length), !isPossessive(in: utf8, at: end, length: length) {
                end += length
            } else {
                break
            }
        }
        return end
    }

    private static func isAlphanumeric(in utf8: [UInt8], at index: Int) -> Bool {
        index < utf8.count && [.letter, .digit].contains(Self.category(in: utf8, at: index).0)
    }

    /// Whether the joiner at `index` is the apostrophe of a possessive "'s" or "’s" that ends the word.
    private static func isPossessive(in utf8: [UInt8], at index: Int, length: Int) -> Bool {
        let s = index + length
        guard utf8[index] != UInt8(ascii: "-"), s < utf8.count, utf8[s] == UInt8(ascii: "s") else { return false }
        return !isAlphanumeric(in: utf8, at: s + 1)
    }

    /// The category of the scalar at byte `index` and its length in bytes.
    private static func category(in utf8: [UInt8], at index: Int) -> (Category, Int) {
        let lead = utf8[index]
        switch lead {
        case 0x30...0x39: return (.digit, 1)
        case 0x41...0x5A, 0x61...0x7A: return (.letter, 1)
        case 0x0A, 0x0D: return (.lineBreak, 1)
        case 0x09, 0x0B, 0x0C, 0x20: return (.space, 1)
        case 0x27, 0x2D: return (.joiner, 1)
        case ..<0x80: return (.other, 1)
        default: break
        }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < utf8.count {
            value = value << 6 | UInt32(utf8[index + offset] & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return (.other, length) }
        switch value {
        case 0x2010, 0x2011, 0x2019: return (.joiner, length)
        case 0x85, 0x2028, 0x2029: return (.lineBreak, length)
        default: break
        }
        if scalar.properties.isAlphabetic { return (.letter, length) }
        return (scalar.properties.isWhitespace ? .space : .other, length)
    }

    /// Whether some word that does not start a sentence is capitalised: nouns in German, names and proper nouns in
    /// English. Abbreviations ("MRT", "Th12", "Dr.") and cue words do not count.
    private static func hasMidSentenceCapitals(_ tokens: [PHIToken]) -> Bool {
        for index in tokens.indices.dropFirst() {
            let token = tokens[index]
            guard token.kind == .word, token.digitCount == 0, !token.lineBreakBefore else { continue }
            let previous = tokens[index - 1]
            let sentenceEnd = previous.kind == .symbol && [".", "!", "?", ":"].contains(previous.text)
            if sentenceEnd, !(previous.text == "." && isAbbreviation(at: index - 2, in: tokens)) { continue }
            if !isAbbreviation(at: index, in: tokens), token.startsUppercase, token.hasLowercase, !PHIVocabulary.caselessCues.contains(token.key) {
                return true
            }
        }
        return false
    }

    /// Whether the word at `index` is an abbreviation: a dot follows it and either another letter follows the dot
    /// ("Z.n.") or the word is short and no unit ("Dr.", "Prof.", but not "mm." at a sentence end).
    private static func isAbbreviation(at index: Int, in tokens: [PHIToken]) -> Bool {
        guard index >= 0, index + 1 < tokens.count, tokens[index].kind == .word, tokens[index + 1].text == ".",
            !tokens[index + 1].spaceBefore
        else { return false }
        if index + 2 < tokens.count, !tokens[index + 2].spaceBefore, tokens[index + 2].kind == .word { return true }
        return tokens[index].text.unicodeScalars.count <= 4 && !PHIVocabulary.units.contains(tokens[index].key)
    }
}
