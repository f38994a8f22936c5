import RadScribeCore

/// A report text as UTF-16 code units, lower-cased once, with its word tokens numbered by sentence and clause.
///
/// Every offset is a UTF-16 offset into the text it was made from, so a token's `start..<end` is directly a
/// ``TextSpan``. Folding maps only single code units (ASCII and Latin-1 letters), so folded and original units stay
/// aligned. Built once per call by the segmenter, the classifier and the agents; all their keyword look-ups run on it.
/// A class, so that the many scanners it is handed to share it without copying or retaining its arrays one by one.
final class FoldedText: Sendable {
    /// The text itself.
    let text: String
    /// The text's code units as written.
    let original: [UInt16]
    /// The same code units, lower-cased (ASCII and Latin-1 letters).
    let units: [UInt16]
    /// The word tokens: maximal runs of letters and digits.
    let tokens: [TextToken]
    /// For each UTF-16 offset (and the end), the UTF-8 offset of the same position, to cut substrings cheaply.
    private let utf8Offsets: [Int32]

    /// Folds and tokenises `text`.
    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        let byteCount = text.utf8.count
        // UTF-16 never needs more code units than UTF-8 needs bytes.
        var original: [UInt16] = []
        var units: [UInt16] = []
        var utf8Offsets: [Int32] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var count = 0
            original = Array(unsafeUninitializedCapacity: byteCount) { originalBuffer, originalCount in
                units = Array(unsafeUninitializedCapacity: byteCount) { unitBuffer, unitCount in
                    utf8Offsets = Array(unsafeUninitializedCapacity: byteCount + 1) { offsetBuffer, offsetCount in
                        count = Self.decode(bytes, into: originalBuffer, folded: unitBuffer, offsets: offsetBuffer)
                        offsetBuffer[count] = Int32(byteCount)
                        offsetCount = count + 1
                    }
                    unitCount = count
                }
                originalCount = count
            }
        }
        self.text = text
        self.original = original
        self.units = units
        self.utf8Offsets = utf8Offsets
        self.tokens = TextTokenizer.tokens(of: units, original: original)
    }

    /// Decodes valid UTF-8 (Swift strings are) into UTF-16 code units, as written and folded, with their UTF-8 offsets.
    ///
    /// - Returns: The number of UTF-16 code units written.
    private static func decode(
        _ bytes: UnsafeBufferPointer<UInt8>,
        into original: UnsafeMutableBufferPointer<UInt16>,
        folded: UnsafeMutableBufferPointer<UInt16>,
        offsets: UnsafeMutableBufferPointer<Int32>
    ) -> Int {
        var position = 0
        var count = 0
        while position < bytes.count {
            let lead = UInt32(bytes[position])
            if lead < 0x80 {
                let unit = UInt16(lead)
                original[count] = unit
                folded[count] = CodeUnit.folded(unit)
                offsets[count] = Int32(position)
                count += 1
                position += 1
                continue
            }
            var scalar: UInt32
            let length: Int
            if lead < 0xE0 {
                scalar = lead & 0x1F
                length = 2
            } else if lead < 0xF0 {
                scalar = lead & 0x0F
                length = 3
            } else {
                scalar = lead & 0x07
                length = 4
            }
            for offset in 1..<length { scalar = scalar << 6 | UInt32(bytes[position + offset] & 0x3F) }
            if scalar < 0x10000 {
                let unit = UInt16(scalar)
                original[count] = unit
                folded[count] = CodeUnit.folded(unit)
                offsets[count] = Int32(position)
                count += 1
            } else {
                let value = scalar - 0x10000
                original[count] = UInt16(0xD800 + (value >> 10))
                original[count + 1] = UInt16(0xDC00 + (value & 0x3FF))
                folded[count] = original[count]
                folded[count + 1] = original[count + 1]
                offsets[count] = Int32(position)
                offsets[count + 1] = Int32(position)
                count += 2
            }
            position += length
        }
        return count
    }

    /// The original text of the code units `start..<end`.
    func string(_ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: Int(utf8Offsets[start]))
        let upper = utf8.index(utf8.startIndex, offsetBy: Int(utf8Offsets[end]))
        return String(text[lower..<upper])
    }

    /// The original text of tokens `first...last`, including what stands between them.
    func string(tokens first: Int, through last: Int) -> String {
        string(tokens[first].start, tokens[last].end)
    }

    /// The span of tokens `first...last`.
    func span(tokens first: Int, through last: Int) -> TextSpan {
        TextSpan(start: tokens[first].start, end: tokens[last].end)
    }

    /// Whether token `index` consists of exactly `word` (given in lower case ASCII/Latin-1).
    func token(_ index: Int, is word: String) -> Bool {
        let token = tokens[index]
        var position = token.start
        for unit in word.utf16 {
            guard position < token.end, units[position] == unit else { return false }
            position += 1
        }
        return position == token.end
    }

    /// Whether the code units between tokens `index` and `index + 1` are only spaces or tabs.
    func gapIsBlank(after index: Int) -> Bool {
        guard index + 1 < tokens.count else { return false }
        for position in tokens[index].end..<tokens[index + 1].start where !CodeUnit.isBlank(units[position]) {
            return false
        }
        return true
    }

    /// The index of the first code unit at or after `position` that is not a space or tab.
    func skipBlanks(from position: Int) -> Int {
        var position = position
        while position < units.count, CodeUnit.isBlank(units[position]) { position += 1 }
        return position
    }

    /// The index of the last code unit before `position` that is not a space or tab, or -1.
    func lastNonBlank(before position: Int) -> Int {
        var position = position - 1
        while position >= 0, CodeUnit.isBlank(units[position]) { position -= 1 }
        return position
    }

    /// The numeric value of the token at `index` with a decimal part after a comma or point ("2,1", "2.5"), if it is a number.
    ///
    /// - Returns: the value and the index of the last token used.
    func number(at index: Int) -> (value: Double, lastToken: Int)? {
        guard index < tokens.count, tokens[index].isNumber else { return nil }
        let whole = integerValue(of: tokens[index])
        let next = index + 1
        guard next < tokens.count, tokens[next].isNumber, tokens[next].start == tokens[index].end + 1 else {
            return (whole, index)
        }
        let separator = units[tokens[index].end]
        guard separator == CodeUnit.comma || separator == CodeUnit.period else { return (whole, index) }
        let fractionDigits = tokens[next].end - tokens[next].start
        guard fractionDigits <= 6 else { return (whole, index) }
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        return (whole + integerValue(of: tokens[next]) / scale, next)
    }

    private func integerValue(of token: TextToken) -> Double {
        var value = 0.0
        for position in token.start..<token.end {
            value = value * 10 + Double(units[position] - CodeUnit.zero)
        }
        return value
    }
}

/// One word token of a ``FoldedText``.
struct TextToken: Sendable {
    /// First code unit.
    var start: Int
    /// One past the last code unit.
    var end: Int
    /// FNV-1a hash of the folded code units, the key of every table look-up.
    var hash: UInt64
    /// Hash of the token without a one-letter inflection ending (e, n, s), or 0.
    var shortStemHash: UInt64
    /// Hash of the token without a two-letter inflection ending (en, er, es, em), or 0.
    var longStemHash: UInt64
    /// The sentence it stands in, counted from 0.
    var sentence: Int
    /// The clause it stands in (sentences split further at commas, colons, semicolons and brackets), counted from 0.
    var clause: Int
    /// Whether the token is all digits.
    var isNumber: Bool

    /// The number of code units.
    var length: Int { end - start }
}

/// Code-unit classes and folding shared by every scanner.
enum CodeUnit {
    static let zero: UInt16 = 0x30
    static let nine: UInt16 = 0x39
    static let comma: UInt16 = 0x2C
    static let period: UInt16 = 0x2E
    static let colon: UInt16 = 0x3A
    static let semicolon: UInt16 = 0x3B
    static let hyphen: UInt16 = 0x2D
    static let slash: UInt16 = 0x2F
    static let newline: UInt16 = 0x0A
    static let carriageReturn: UInt16 = 0x0D
    static let space: UInt16 = 0x20
    static let tab: UInt16 = 0x09
    static let percent: UInt16 = 0x25
    static let openParenthesis: UInt16 = 0x28
    static let closeParenthesis: UInt16 = 0x29
    static let enDash: UInt16 = 0x2013
    static let emDash: UInt16 = 0x2014

    /// Lower-cases ASCII and Latin-1 capitals; everything else is returned unchanged.
    @inline(__always)
    static func folded(_ unit: UInt16) -> UInt16 {
        if unit >= 0x41 && unit <= 0x5A { return unit + 0x20 }
        if unit >= 0xC0 && unit <= 0xDE && unit != 0xD7 { return unit + 0x20 }
        return unit
    }

    @inline(__always)
    static func isDigit(_ unit: UInt16) -> Bool { unit >= zero && unit <= nine }

    /// Letters of the Latin (with Latin-1 and Extended-A/B), Greek and micro-sign ranges.
    @inline(__always)
    static func isLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return (unit >= 0x61 && unit <= 0x7A) || (unit >= 0x41 && unit <= 0x5A) }
        if unit == 0xB5 { return true }
        if unit >= 0xC0 && unit <= 0x24F { return unit != 0xD7 && unit != 0xF7 }
        return unit >= 0x370 && unit <= 0x3FF
    }

    @inline(__always)
    static func isWordUnit(_ unit: UInt16) -> Bool { isDigit(unit) || isLetter(unit) }

    @inline(__always)
    static func isUpper(_ unit: UInt16) -> Bool { folded(unit) != unit }

    /// Spaces and tabs (not line breaks).
    @inline(__always)
    static func isBlank(_ unit: UInt16) -> Bool {
        unit == space || unit == tab || unit == 0xA0 || (unit >= 0x2000 && unit <= 0x200A) || unit == 0x202F || unit == 0x3000
    }

    @inline(__always)
    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == newline || unit == carriageReturn || unit == 0x0B || unit == 0x0C || unit == 0x85 || unit == 0x2028 || unit == 0x2029
    }

    /// Whitespace as `Character.isWhitespace` sees it for single code units.
    @inline(__always)
    static func isWhitespace(_ unit: UInt16) -> Bool { isBlank(unit) || isLineBreak(unit) || unit == 0x1680 || unit == 0x205F }

    /// Dashes that separate a header from its text ("Impression - …").
    @inline(__always)
    static func isDash(_ unit: UInt16) -> Bool { unit == hyphen || unit == enDash || unit == emDash }

    /// FNV-1a over `units[start..<end]`.
    @inline(__always)
    static func hash(_ units: [UInt16], _ start: Int, _ end: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for position in start..<end {
            hash = (hash ^ UInt64(units[position])) &* 0x100_0000_01b3
        }
        return hash
    }
}

/// Splits folded code units into tokens and numbers sentences and clauses.
private enum TextTokenizer {
    /// Short words after which a period does not end the sentence when a lower-case word or a number follows.
    private static let abbreviations: Set<UInt64> = Set(
        [
            "ca", "re", "li", "bds", "bzw", "ggf", "evtl", "vgl", "sog", "max", "min", "dr", "prof", "med", "vs", "nr", "st",
            "inkl", "mind", "lt", "lat", "ant", "post", "sup", "inf", "approx", "fig", "al", "zb", "ua", "mo", "di", "do", "fr",
        ].map { word in
            let units = Array(word.utf16)
            return CodeUnit.hash(units, 0, units.count)
        }
    )

    static func tokens(of units: [UInt16], original: [UInt16]) -> [TextToken] {
        var tokens: [TextToken] = []
        tokens.reserveCapacity(units.count / 5)
        var sentence = 0
        var clause = 0
        var position = 0
        var gapStart = 0
        while position < units.count {
            guard CodeUnit.isWordUnit(units[position]) else {
                position += 1
                continue
            }
            let start = position
            var isNumber = true
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            var hashWithoutLast: UInt64 = 0
            var hashWithoutLastTwo: UInt64 = 0
            while position < units.count, CodeUnit.isWordUnit(units[position]) {
                let unit = units[position]
                if !CodeUnit.isDigit(unit) { isNumber = false }
                hashWithoutLastTwo = hashWithoutLast
                hashWithoutLast = hash
                hash = (hash ^ UInt64(unit)) &* 0x100_0000_01b3
                position += 1
            }
            let stems = stemHashes(units, start, position, withoutLast: hashWithoutLast, withoutLastTwo: hashWithoutLastTwo)
            if let previous = tokens.last {
                let beforePrevious = tokens.count >= 2 ? tokens[tokens.count - 2] : nil
                switch boundary(in: original, from: gapStart, to: start, previous: previous, beforePrevious: beforePrevious) {
                case .sentence:
                    sentence += 1
                    clause += 1
                case .clause:
                    clause += 1
                case .none:
                    break
                }
            }
            tokens.append(
                TextToken(
                    start: start,
                    end: position,
                    hash: hash,
                    shortStemHash: stems.short,
                    longStemHash: stems.long,
                    sentence: sentence,
                    clause: clause,
                    isNumber: isNumber
                )
            )
            gapStart = position
        }
        return tokens
    }

    /// The hashes of the token without an inflection ending, when at least three letters remain.
    private static func stemHashes(
        _ units: [UInt16],
        _ start: Int,
        _ end: Int,
        withoutLast: UInt64,
        withoutLastTwo: UInt64
    ) -> (short: UInt64, long: UInt64) {
        let length = end - start
        guard length >= 4 else { return (0, 0) }
        let last = units[end - 1]
        let short: UInt64 = last == 0x65 || last == 0x6E || last == 0x73 ? withoutLast : 0  // e, n, s
        guard length >= 5, units[end - 2] == 0x65 else { return (short, 0) }
        let long: UInt64 = last == 0x6E || last == 0x72 || last == 0x73 || last == 0x6D ? withoutLastTwo : 0  // en, er, es, em
        return (short, long)
    }

    private enum Boundary {
        case none
        case clause
        case sentence
    }

    private static func boundary(
        in units: [UInt16],
        from start: Int,
        to end: Int,
        previous: TextToken,
        beforePrevious: TextToken?
    ) -> Boundary {
        var result = Boundary.none
        for position in start..<end {
            let unit = units[position]
            switch unit {
            case 0x21, 0x3F, CodeUnit.semicolon:  // ! ? ;
                return .sentence
            case CodeUnit.period:
                if isSentencePeriod(in: units, at: position, gapEnd: end, previous: previous)
                    && !closesInlineAbbreviation(in: units, at: position, previous: previous, beforePrevious: beforePrevious)
                    && !closesOrdinal(at: position, previous: previous, beforePrevious: beforePrevious)
                {
                    return .sentence
                }
            case CodeUnit.comma, CodeUnit.colon, CodeUnit.openParenthesis, CodeUnit.closeParenthesis, 0x5B, 0x5D:
                result = .clause
            default:
                if CodeUnit.isLineBreak(unit) { return .sentence }
            }
        }
        return result
    }

    /// Words before a German ordinal ("der 5. Rippe", "am 3. Tag", "nach dem 2. Zyklus").
    private static let ordinalIntroducers: Set<UInt64> = Set(
        ["der", "die", "das", "des", "dem", "den", "am", "im", "zum", "zur", "vom", "seit", "ab", "bis", "nach", "vor", "ein", "eine"].map {
            word in
            let units = Array(word.utf16)
            return CodeUnit.hash(units, 0, units.count)
        }
    )

    /// Whether the period at `position` closes a German ordinal ("der 5. Rippe"), not a sentence ("BI-RADS 2. Links …").
    private static func closesOrdinal(at position: Int, previous: TextToken, beforePrevious: TextToken?) -> Bool {
        guard let beforePrevious, previous.isNumber, previous.length <= 2, position == previous.end else { return false }
        return ordinalIntroducers.contains(beforePrevious.hash)
    }

    /// Two-letter dotted abbreviations that stand inside a sentence ("i.v. Kontrastmittel", "V. a. Pneumonie", "Z. n. OP").
    private static let inlineAbbreviations: Set<UInt32> = [
        pair("i", "v"), pair("i", "m"), pair("s", "c"), pair("z", "b"), pair("u", "a"), pair("d", "h"), pair("v", "a"), pair("z", "n"),
    ]

    private static func pair(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt32 {
        UInt32(first.value) << 16 | UInt32(second.value)
    }

    /// Whether the period at `position` closes "i.v."/"V. a." and the like, which never end a sentence.
    private static func closesInlineAbbreviation(in units: [UInt16], at position: Int, previous: TextToken, beforePrevious: TextToken?) -> Bool {
        guard let beforePrevious, previous.length == 1, beforePrevious.length == 1, position == previous.end else { return false }
        let gap = beforePrevious.end..<previous.start
        guard gap.count <= 2, units[gap.lowerBound] == CodeUnit.period, gap.count == 1 || CodeUnit.isBlank(units[gap.lowerBound + 1]) else {
            return false
        }
        let key = UInt32(CodeUnit.folded(units[beforePrevious.start])) << 16 | UInt32(CodeUnit.folded(units[previous.start]))
        return inlineAbbreviations.contains(key)
    }

    /// A period ends a sentence unless it sits inside a word or number ("2.5", "z.B.") or follows an abbreviation
    /// or single letter and a lower-case word or number comes next ("ca. 3 cm", "V. a. Pneumonie").
    private static func isSentencePeriod(in units: [UInt16], at position: Int, gapEnd: Int, previous: TextToken) -> Bool {
        if position == previous.end && position + 1 == gapEnd { return false }
        guard gapEnd < units.count else { return true }
        let next = units[gapEnd]
        let nextIsLowerOrDigit = CodeUnit.isDigit(next) || (CodeUnit.isLetter(next) && !CodeUnit.isUpper(next))
        guard nextIsLowerOrDigit, position == previous.end else { return true }
        if previous.length == 1 && !CodeUnit.isDigit(units[previous.start]) { return false }
        return !abbreviations.contains(previous.hash)
    }
}
