/// One token of dictated text, located by UTF-16 offsets in the original.
struct DictationToken {
    /// What a token is made of.
    enum Kind: UInt8 {
        /// Letters, with inner hyphens or apostrophes ("BI-RADS", "twenty-three", "don't").
        case word
        /// Digits, with inner decimal or date separators ("3,5", "12.5", "12.03.2024").
        case number
        /// A run of horizontal whitespace.
        case space
        /// A run of whitespace holding at least one line break.
        case lineBreak
        /// One other character: punctuation, symbols, emoji.
        case symbol
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// The vocabulary entry of a word, or -1.
    var entry: Int32 = -1
    /// The roles of the word's entry, copied so that rules test bits instead of looking entries up.
    var roles: WordRoles = []
    /// The value of a number word ("drei", "dreiundzwanzig", "twenty-three").
    var number: SpokenNumber?
    /// The number of line breaks in a `lineBreak` token.
    var lineBreaks: Int = 0
}

/// Splits UTF-16 text into tokens once and looks every word up in the vocabulary once.
///
/// Lookups use a folded key: ASCII and Latin-1 letters are lower-cased and a combining diaeresis after a, o or u is
/// composed ("Fu\u{308}nf" → "fünf"), so speech engines' mixed case and decomposed umlauts match the same entry.
/// Token offsets always refer to the original text.
enum DictationTokenizer {
    /// Tokenises `units` and resolves each word against `vocabulary`.
    static func tokenize(_ units: [UInt16], vocabulary: DictationVocabulary) -> [DictationToken] {
        var tokens: [DictationToken] = []
        tokens.reserveCapacity(units.count / 3 + 1)
        units.withUnsafeBufferPointer { text in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: DictationVocabulary.maximumKeyLength * 3) { key in
                var index = 0
                while index < text.count {
                    let token = nextToken(in: text, at: index, vocabulary: vocabulary, key: key)
                    tokens.append(token)
                    index = token.end
                }
            }
        }
        return tokens
    }

    @inline(__always)
    private static func nextToken(
        in text: UnsafeBufferPointer<UInt16>,
        at index: Int,
        vocabulary: DictationVocabulary,
        key: UnsafeMutableBufferPointer<UInt8>
    ) -> DictationToken {
        let unit = text[index]
        var end = index + 1
        if UTF16Class.isWhitespace(unit) {
            var lineBreaks = 0
            var previous: UInt16 = 0
            end = index
            while end < text.count, UTF16Class.isWhitespace(text[end]) {
                let current = text[end]
                if UTF16Class.isLineBreak(current) && !(current == 0x0A && previous == 0x0D) { lineBreaks += 1 }
                previous = current
                end += 1
            }
            return DictationToken(kind: lineBreaks > 0 ? .lineBreak : .space, start: index, end: end, lineBreaks: lineBreaks)
        }
        if UTF16Class.isDigit(unit) {
            while end < text.count {
                if UTF16Class.isDigit(text[end]) {
                    end += 1
                } else if text[end] == 0x2C || text[end] == 0x2E, end + 1 < text.count, UTF16Class.isDigit(text[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            return DictationToken(kind: .number, start: index, end: end)
        }
        if UTF16Class.isLetter(unit) {
            while end < text.count {
                if UTF16Class.isLetter(text[end]) {
                    end += 1
                } else if UTF16Class.isWordJoiner(text[end]), end + 1 < text.count, UTF16Class.isLetter(text[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            var token = DictationToken(kind: .word, start: index, end: end)
            if end - index <= DictationVocabulary.maximumKeyLength {
                let length = foldKey(text[index..<end], into: key)
                let folded = UnsafeBufferPointer(key)[0..<length]
                if let entry = vocabulary.entry(for: folded) {
                    token.entry = entry
                    token.roles = vocabulary.entries[Int(entry)].roles
                    token.number = vocabulary.entries[Int(entry)].number
                } else {
                    token.number = vocabulary.compoundNumber(folded)
                }
            }
            return token
        }
        if UTF16.isLeadSurrogate(unit), end < text.count, UTF16.isTrailSurrogate(text[end]) { end += 1 }
        return DictationToken(kind: .symbol, start: index, end: end)
    }

    /// Writes the folded UTF-8 key of `word` into `key` and returns its length.
    private static func foldKey(_ word: Slice<UnsafeBufferPointer<UInt16>>, into key: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var length = 0
        var index = word.startIndex
        while index < word.endIndex {
            let unit = UTF16Class.lowercased(word[index])
            index += 1
            if unit < 0x80 {
                key[length] = UInt8(unit)
                length += 1
            } else if unit == 0x0308, length > 0, let composed = UTF16Class.umlaut(of: key[length - 1]) {
                key[length - 1] = UInt8(0xC0 | (composed >> 6))
                key[length] = UInt8(0x80 | (composed & 0x3F))
                length += 1
            } else if unit < 0x800 {
                key[length] = UInt8(0xC0 | (unit >> 6))
                key[length + 1] = UInt8(0x80 | (unit & 0x3F))
                length += 2
            } else if UTF16.isLeadSurrogate(unit), index < word.endIndex {
                let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(word[index]) - 0xDC00)
                index += 1
                key[length] = UInt8(0xF0 | (scalar >> 18))
                key[length + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                key[length + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                key[length + 3] = UInt8(0x80 | (scalar & 0x3F))
                length += 4
            } else {
                key[length] = UInt8(0xE0 | (unit >> 12))
                key[length + 1] = UInt8(0x80 | ((unit >> 6) & 0x3F))
                key[length + 2] = UInt8(0x80 | (unit & 0x3F))
                length += 3
            }
        }
        return length
    }
}
