/// A vertebra: its region and number.
struct Vertebra: Sendable, Hashable, Comparable {
    /// The spinal region.
    enum Region: Int, Sendable {
        case cervical
        case thoracic
        case lumbar
        case sacral

        var letter: String {
            switch self {
            case .cervical: "C"
            case .thoracic: "T"
            case .lumbar: "L"
            case .sacral: "S"
            }
        }

        var count: Int {
            switch self {
            case .cervical: 7
            case .thoracic: 12
            case .lumbar: 5
            case .sacral: 5
            }
        }

        /// The ordinal of this region's first vertebra.
        var offset: Int {
            switch self {
            case .cervical: 0
            case .thoracic: 7
            case .lumbar: 19
            case .sacral: 24
            }
        }
    }

    var region: Region
    var number: Int

    /// Position from C1 (0) to S5 (28).
    var ordinal: Int { region.offset + number - 1 }

    init?(region: Region, number: Int) {
        // L6 (lumbosacral transitional vertebra) is accepted as a sixth lumbar vertebra.
        guard number >= 1, number <= region.count + (region == .lumbar ? 1 : 0) else { return nil }
        self.region = region
        self.number = number
    }

    /// The vertebra below, across region borders (L5 → S1).
    var next: Vertebra? {
        if let sameRegion = Vertebra(region: region, number: number + 1), !(region == .lumbar && number == 5) { return sameRegion }
        guard let following = Region(rawValue: region.rawValue + 1) else { return nil }
        return Vertebra(region: following, number: 1)
    }

    var name: String { region.letter + String(number) }

    static func < (lhs: Vertebra, rhs: Vertebra) -> Bool { lhs.ordinal < rhs.ordinal }
}

/// A spinal level: a vertebra ("T12") or the disc segment between two adjacent vertebrae ("L4/5").
struct SpinalLevel: Sendable, Hashable, Comparable {
    var upper: Vertebra
    var lower: Vertebra?

    /// Canonical name: `L4/5` within a region, `L5/S1` across regions, `T12` for a vertebra.
    var name: String {
        guard let lower else { return upper.name }
        return lower.region == upper.region ? "\(upper.name)/\(lower.number)" : "\(upper.name)/\(lower.name)"
    }

    static func < (lhs: SpinalLevel, rhs: SpinalLevel) -> Bool {
        (lhs.upper.ordinal, lhs.lower?.ordinal ?? -1) < (rhs.upper.ordinal, rhs.lower?.ordinal ?? -1)
    }
}

/// A level as dictated, with the tokens it covers; a range ("L3-L5") yields one mention per segment.
struct SpinalLevelMention: Sendable {
    var level: SpinalLevel
    var firstToken: Int
    var lastToken: Int
}

/// Recognises spinal levels: "L4/5", "L4/L5", "L4-5", "L5/S1", "C7/Th1", "Th12", "LWK 4/5", "HWK5/6", "LWK 5/SWK 1", "BWK 12".
///
/// Not levels: nerve roots ("S1-Wurzel", "Wurzel L5", "L5 nerve root", "L5-Syndrom") and bare "T1"/"T2", which in MRI
/// reports are sequences (thoracic T1/T2 must be written "Th1", "BWK 2" or as a segment with another region, "C7/T1").
enum SpinalLevelParser {
    private static let rootWords = PhraseTable<Void>(words: [
        "wurzel", "nervenwurzel", "radix", "root", "nerve root", "dermatom", "dermatome", "syndrom", "syndrome", "radikulopathie",
        "radiculopathy", "myotom",
    ])
    /// All level mentions in tokens `range`, in text order.
    static func mentions(in range: Range<Int>, of text: FoldedText) -> [SpinalLevelMention] {
        var mentions: [SpinalLevelMention] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let found = levels(at: index, in: text), found.lastToken < range.upperBound {
                if !isNerveRoot(first: index, last: found.lastToken, in: text) {
                    mentions += found.levels.map { SpinalLevelMention(level: $0, firstToken: index, lastToken: found.lastToken) }
                }
                index = found.lastToken + 1
            } else {
                index += 1
            }
        }
        return mentions
    }

    /// The level(s) that start at token `index`.
    static func levels(at index: Int, in text: FoldedText) -> (levels: [SpinalLevel], lastToken: Int)? {
        guard let upper = vertebra(at: index, in: text) else { return nil }
        let afterUpper = upper.lastToken + 1
        if afterUpper < text.tokens.count, isRangeSeparator(between: upper.lastToken, and: afterUpper, in: text) {
            if let lower = lowerVertebra(at: afterUpper, below: upper.vertebra, in: text), lower.vertebra > upper.vertebra {
                let segments = segments(from: upper.vertebra, to: lower.vertebra)
                if !segments.isEmpty { return (segments, lower.lastToken) }
            }
        }
        guard !upper.isAmbiguousAlone else { return nil }
        return ([SpinalLevel(upper: upper.vertebra, lower: nil)], upper.lastToken)
    }

    private static func segments(from upper: Vertebra, to lower: Vertebra) -> [SpinalLevel] {
        var segments: [SpinalLevel] = []
        var current = upper
        while current < lower, segments.count < 8, let next = current.next {
            segments.append(SpinalLevel(upper: current, lower: next))
            current = next
        }
        return segments
    }

    private struct ParsedVertebra {
        var vertebra: Vertebra
        var lastToken: Int
        /// "T1"/"T2" written with a bare T: a sequence name unless part of a segment with another region.
        var isAmbiguousAlone: Bool
    }

    /// "L4", "Th12", "LWK4", "LWK 4".
    private static func vertebra(at index: Int, in text: FoldedText) -> ParsedVertebra? {
        let token = text.tokens[index]
        // Cheap rejection first: a level token is short and starts with c, t, l, s, h or b.
        guard token.length <= 5, !token.isNumber else { return nil }
        switch text.units[token.start] {
        case 0x63, 0x74, 0x6C, 0x73, 0x68, 0x62: break
        default: return nil
        }
        var digitStart = token.start
        while digitStart < token.end, CodeUnit.isLetter(text.units[digitStart]) { digitStart += 1 }
        let prefixLength = digitStart - token.start
        guard prefixLength >= 1, prefixLength <= 3, let region = region(units: text.units, token.start, digitStart) else { return nil }
        let isBareT = prefixLength == 1 && text.units[token.start] == 0x74
        if digitStart < token.end {
            guard let number = digits(text.units, digitStart, token.end), let vertebra = Vertebra(region: region, number: number) else {
                return nil
            }
            return ParsedVertebra(vertebra: vertebra, lastToken: index, isAmbiguousAlone: isBareT && number <= 2)
        }
        // A German prefix and a separate number: "LWK 4".
        let next = index + 1
        guard prefixLength >= 2, next < text.tokens.count, text.tokens[next].isNumber, text.gapIsBlank(after: index),
            let number = digits(text.units, text.tokens[next].start, text.tokens[next].end),
            let vertebra = Vertebra(region: region, number: number)
        else { return nil }
        return ParsedVertebra(vertebra: vertebra, lastToken: next, isAmbiguousAlone: false)
    }

    /// After "/" or "-": a bare number in the upper vertebra's region ("4/5") or a full vertebra ("L5/S1", "LWK 5/SWK 1").
    private static func lowerVertebra(at index: Int, below upper: Vertebra, in text: FoldedText) -> ParsedVertebra? {
        let token = text.tokens[index]
        if token.isNumber {
            guard let number = digits(text.units, token.start, token.end), let vertebra = Vertebra(region: upper.region, number: number)
            else { return nil }
            return ParsedVertebra(vertebra: vertebra, lastToken: index, isAmbiguousAlone: false)
        }
        return vertebra(at: index, in: text)
    }

    private static func isRangeSeparator(between first: Int, and second: Int, in text: FoldedText) -> Bool {
        let start = text.tokens[first].end
        let end = text.tokens[second].start
        var separators = 0
        for position in start..<end {
            let unit = text.units[position]
            if unit == CodeUnit.slash || CodeUnit.isDash(unit) {
                separators += 1
            } else if !CodeUnit.isBlank(unit) {
                return false
            }
        }
        return separators == 1 && end - start <= 3
    }

    /// The region of a level prefix: "c", "t", "th", "l", "s", or German "HWK"/"BWK"/"LWK"/"SWK" (also without "K").
    private static func region(units: [UInt16], _ start: Int, _ end: Int) -> Vertebra.Region? {
        let letters = end - start
        let first = units[start]
        switch letters {
        case 1:
            return region(ofLetter: first, german: false)
        case 2 where first == 0x74 && units[start + 1] == 0x68:  // "th"
            return .thoracic
        case 2 where units[start + 1] == 0x77:  // "hw", "bw", "lw", "sw"
            return region(ofLetter: first, german: true)
        case 3 where units[start + 1] == 0x77 && units[start + 2] == 0x6B:  // "hwk", "bwk", "lwk", "swk"
            return region(ofLetter: first, german: true)
        default:
            return nil
        }
    }

    private static func region(ofLetter letter: UInt16, german: Bool) -> Vertebra.Region? {
        switch letter {
        case 0x63 where !german: .cervical  // c
        case 0x68 where german: .cervical  // h(wk)
        case 0x74 where !german: .thoracic  // t
        case 0x62 where german: .thoracic  // b(wk)
        case 0x6C: .lumbar  // l
        case 0x73: .sacral  // s
        default: nil
        }
    }

    private static func digits(_ units: [UInt16], _ start: Int, _ end: Int) -> Int? {
        guard end - start <= 2 else { return nil }
        var value = 0
        for position in start..<end {
            guard CodeUnit.isDigit(units[position]) else { return nil }
            value = value * 10 + Int(units[position] - CodeUnit.zero)
        }
        return value
    }

    private static func isNerveRoot(first: Int, last: Int, in text: FoldedText) -> Bool {
        let after = last + 1
        if after < text.tokens.count, text.tokens[after].clause == text.tokens[last].clause, rootWords.contains(tokenAt: after, in: text) {
            return true
        }
        for before in max(0, first - 2)..<first where text.tokens[before].clause == text.tokens[first].clause {
            if rootWords.contains(tokenAt: before, in: text) { return true }
        }
        return false
    }
}
