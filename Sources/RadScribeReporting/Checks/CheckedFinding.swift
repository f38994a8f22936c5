import RadScribeCore

/// A finding with its sentence tokenised on first use, and the sentence-level questions the checks ask about it.
///
/// Most checks need the tokens of only a few sentences (those with critical or conflicting mentions), so they are
/// built lazily. A class, so that the checks share one analysis per finding instead of copying its arrays and strings;
/// it lives only for one ``ConsistencyChecker/check(text:sections:findings:language:context:clinicalQuestionLaterality:)`` call.
final class CheckedFinding {
    /// The finding as the extractor produced it.
    let finding: Finding
    /// The tokens of its sentence.
    private(set) lazy var tokens: [CheckToken] = CheckTokenizer.tokens(of: finding)
    /// The token ranges of its clauses: split at commas, semicolons, colons, brackets, numbers and coordinating
    /// conjunctions ("und", "sowie", "and", "while"), because each such part may describe another lesion or side.
    private(set) lazy var clauses: [Range<Int>] = Self.clauses(of: tokens)

    /// Wraps `finding`.
    init(_ finding: Finding) {
        self.finding = finding
    }

    private static func clauses(of tokens: [CheckToken]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token.kind != .word || token.is(.clauseConjunction) {
            if start < index { clauses.append(start..<index) }
            start = index + 1
        }
        if start < tokens.count { clauses.append(start..<tokens.count) }
        return clauses
    }

    // MARK: - Sides

    /// The spans of the words that name `side` ("links", "linke", "linksseitig", "li.", "left").
    func spans(naming side: Laterality) -> [TextSpan] {
        tokens.filter { $0.side == side }.map(\.span)
    }

    /// The side of one mention: the one side named in its clause ("Pleuraerguss links, kein Erguss rechts" gives each
    /// mention its own side), else the side of the whole sentence.
    func side(of mention: ConceptMention) -> Laterality? {
        let index = tokenIndex(at: mention.span)
        if let clause = clauses.first(where: { $0.contains(index) }) {
            var clauseSide: Laterality?
            for token in tokens[clause] {
                guard let side = token.side else { continue }
                if clauseSide != nil, clauseSide != side { return finding.laterality }
                clauseSide = side
            }
            if let clauseSide { return clauseSide }
        }
        return finding.laterality
    }

    // MARK: - Context

    /// The index of the first token at or after `span`'s start.
    func tokenIndex(at span: TextSpan) -> Int {
        tokens.firstIndex { $0.span.start >= span.start } ?? tokens.count
    }

    /// Whether the words before token `index`, back to the start of its clause, say "Z. n.", "Zustand nach", "status post",
    /// "s/p" or "history of": the mention is past history, not a current finding.
    func isPastHistory(at index: Int) -> Bool {
        var position = min(index, tokens.count) - 1
        while position >= 0 {
            let token = tokens[position]
            if token.kind == .clauseBreak || token.is(.newInformation) { return false }
            if isHistoryCue(at: position, before: index) { return true }
            position -= 1
        }
        return false
    }

    /// Whether the sentence names past history anywhere ("Z. n.", "status post", …).
    var mentionsPastHistory: Bool {
        tokens.indices.contains { isHistoryCue(at: $0, before: tokens.count) }
    }

    /// Whether the sentence names a side only as past history ("Z. n. Mastektomie links"), not as a current concern.
    var namesSidesOnlyInPastHistory: Bool {
        let sideIndices = tokens.indices.filter { tokens[$0].side != nil }
        return !sideIndices.isEmpty && sideIndices.allSatisfy(isPastHistory(at:))
    }

    /// Whether a history cue starts at token `position` and ends before token `limit`.
    private func isHistoryCue(at position: Int, before limit: Int) -> Bool {
        let word = tokens[position].text
        if word == "zn" { return true }
        guard position + 1 < limit, let seconds = CheckVocabulary.historyCues[word] else { return false }
        return seconds.contains(tokens[position + 1].text)
    }

    /// Whether the sentence says the organ has been removed or cannot be seen ("Z. n. Hysterektomie", "Uterus nicht
    /// abgrenzbar", "prostate not visualized", "surgically absent").
    var saysOrganIsAbsent: Bool {
        for (index, token) in tokens.enumerated() where token.kind == .word {
            if token.is(.absence) { return true }
            if CheckVocabulary.removalStems.contains(where: { token.text.utf8.contains($0.utf8) }) { return true }
            guard token.is(.negator) else { continue }
            if tokens[(index + 1)..<min(index + 3, tokens.count)].contains(where: { $0.is(.visibility) }) { return true }
        }
        return false
    }

    /// Whether any word of the sentence belongs to `wordClass`.
    func contains(_ wordClass: CheckWordClasses) -> Bool {
        tokens.contains { $0.is(wordClass) }
    }

    /// Whether the sentence may name the left and the right side: a byte scan for words starting with "link", "left",
    /// "li." and "rech", "righ", "re.", so that sentences without both are never tokenised for the side checks.
    var mayNameLeftAndRight: Bool {
        var text = finding.text
        return text.withUTF8 { bytes in
            var namesLeft = false
            var namesRight = false
            var previousIsLetter = false
            for index in bytes.indices {
                let lower = bytes[index] | 0x20
                let isLetter = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || bytes[index] >= 0x80
                defer { previousIsLetter = isLetter }
                guard !previousIsLetter, lower == UInt8(ascii: "l") || lower == UInt8(ascii: "r") else { continue }
                var start: UInt32 = 0
                for offset in 0..<4 {
                    start = start << 8 | UInt32(index + offset < bytes.count ? bytes[index + offset] | 0x20 : 0)
                }
                namesLeft = namesLeft || Self.leftStarts.contains(start) || Self.leftStarts.contains(start & 0xFFFF_FF00)
                namesRight = namesRight || Self.rightStarts.contains(start) || Self.rightStarts.contains(start & 0xFFFF_FF00)
                if namesLeft, namesRight { return true }
            }
            return false
        }
    }

    /// The first four bytes (lower case, big-endian) of words that name a side; three-byte starts end in a zero byte.
    private static let leftStarts: [UInt32] = ["link", "left", "li."].map(packedStart)
    private static let rightStarts: [UInt32] = ["rech", "righ", "re."].map(packedStart)

    private static func packedStart(_ start: String) -> UInt32 {
        var packed: UInt32 = 0
        for byte in start.utf8.prefix(4) { packed = packed << 8 | UInt32(byte) }
        return packed << (8 * UInt32(4 - min(start.utf8.count, 4)))
    }

    /// Whether any word of the sentence names both sides ("beidseits", "bilateral").
    var namesBothSides: Bool {
        tokens.contains { $0.side == .bilateral }
    }
}
