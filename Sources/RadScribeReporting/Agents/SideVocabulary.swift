import RadScribeCore

/// Words for body sides, German and English.
enum SideVocabulary {
    private static let table = PhraseTable<Laterality>([
        "links": .left, "linke*": .left, "linksseitig*": .left, "left": .left, "left-sided": .left, "li": .left,
        "rechts": .right, "rechte*": .right, "rechtsseitig*": .right, "right": .right, "right-sided": .right, "re": .right,
        "beidseits": .bilateral, "beidseitig*": .bilateral, "bilateral": .bilateral, "bilaterally": .bilateral, "bds": .bilateral,
        "both sides": .bilateral, "beiderseits": .bilateral,
    ])

    /// The side named by the phrase at token `index`, with its token count.
    ///
    /// The abbreviations "re"/"li" count only when a period follows ("re.", "li."), so that "re-demonstrated" is no side.
    static func side(at index: Int, in text: FoldedText) -> (side: Laterality, tokenCount: Int)? {
        guard let match = table.match(at: index, in: text) else { return nil }
        let token = text.tokens[index]
        if token.length == 2, text.token(index, is: "re") || text.token(index, is: "li") {
            guard token.end < text.units.count, text.units[token.end] == CodeUnit.period else { return nil }
        }
        return (match.value, match.tokenCount)
    }

    /// The nearest side word in tokens `range`, searching outwards from `anchor` (ties go to the word after the anchor).
    static func nearestSide(to anchor: Int, in range: Range<Int>, of text: FoldedText) -> Laterality? {
        var distance = 0
        while anchor + distance < range.upperBound || anchor - distance >= range.lowerBound {
            let after = anchor + distance
            if after < range.upperBound, after >= range.lowerBound, let found = side(at: after, in: text) { return found.side }
            let before = anchor - distance
            if distance > 0, before >= range.lowerBound, before < range.upperBound, let found = side(at: before, in: text) {
                return found.side
            }
            distance += 1
        }
        return nil
    }
}
