import RadScribeCore

/// Finds the body side a text speaks of: "links", "re.", "linksseitig", "beidseits", "bds.", "left", "bilateral",
/// "both lungs".
///
/// Left and right together ("links- und rechtsseitig", "rechts mehr als links") make `bilateral`. Side words that
/// belong to the name of an unpaired structure ("linker Vorhof", "left ventricle", "rechter Leberlappen") or give
/// a direction ("Verlagerung nach rechts", "shift to the left") are not sides; neither is "left" as a verb
/// ("was left in place").
public struct LateralityDetector: Sendable {
    /// A side word found in a text.
    struct SideMention {
        /// The side.
        var side: Laterality
        /// The index of the side word.
        var token: Int
    }

    /// Creates a detector.
    public init() {}

    /// The side `text` speaks of, or `nil` when it names none.
    public func laterality(in text: Substring, language: Language) -> Laterality? {
        let tokenized = TokenizedText(text.base, range: text.startIndex..<text.endIndex)
        return Self.combined(sideMentions(in: tokenized, range: 0..<tokenized.tokens.count, language: language).map(\.side))
    }

    /// The side words in `range` of a tokenised text.
    func sideMentions(in text: TokenizedText, range: Range<Int>, language: Language) -> [SideMention] {
        let vocabulary = LateralityVocabulary.forLanguage(language)
        let tokens = text.tokens
        var mentions: [SideMention] = []
        for index in range where tokens[index].kind == .word {
            let key = tokens[index].key
            if let side = vocabulary.side(of: key) {
                let next = index + 1 < range.upperBound ? tokens[index + 1] : nil
                if vocabulary.abbreviations.contains(key), let next, next.key == "-", !next.spaceBefore { continue }
                if namesAnatomy(after: index, in: tokens, limit: range.upperBound, vocabulary: vocabulary)
                    || givesDirection(before: index, in: tokens, from: range.lowerBound, vocabulary: vocabulary)
                    || (language == .en && isVerb(index, in: tokens, from: range.lowerBound))
                {
                    continue
                }
                mentions.append(SideMention(side: side, token: index))
            } else if language == .en, key == "both", namesPairedStructures(after: index, in: tokens, limit: range.upperBound) {
                mentions.append(SideMention(side: .bilateral, token: index))
            }
        }
        return mentions
    }

    /// One side for several side words: `bilateral` when both sides or "bilateral" are named.
    static func combined(_ sides: some Sequence<Laterality>) -> Laterality? {
        var result: Laterality?
        for side in sides {
            guard let current = result else {
                result = side
                continue
            }
            if current != side { return .bilateral }
        }
        return result
    }

    // MARK: - Context

    /// The non-transparent tokens after `index`, at most `count` of them, as folded keys.
    private func keys(after index: Int, in tokens: [Token], limit: Int, count: Int) -> [String] {
        var keys: [String] = []
        var position = index + 1
        while position < limit, keys.count < count {
            if !tokens[position].isTransparent { keys.append(tokens[position].key) }
            position += 1
        }
        return keys
    }

    private func namesAnatomy(after index: Int, in tokens: [Token], limit: Int, vocabulary: LateralityVocabulary) -> Bool {
        let following = keys(after: index, in: tokens, limit: limit, count: 4)
        guard let first = following.first, let names = vocabulary.anatomyNames[first] else { return false }
        return names.contains { following.starts(with: $0) }
    }

    private func givesDirection(before index: Int, in tokens: [Token], from start: Int, vocabulary: LateralityVocabulary) -> Bool {
        vocabulary.directions.contains { phrase in
            guard index - phrase.count >= start else { return false }
            return zip(phrase, tokens[(index - phrase.count)..<index]).allSatisfy { $0 == $1.key }
        }
    }

    private static let auxiliaries: Set<String> = ["was", "were", "is", "are", "been", "be", "being", "has", "have", "had"]

    /// "left" after an auxiliary is the verb ("the catheter was left in place").
    private func isVerb(_ index: Int, in tokens: [Token], from start: Int) -> Bool {
        tokens[index].key == "left" && index > start && Self.auxiliaries.contains(tokens[index - 1].key)
    }

    /// "both" names both sides when a plural noun follows ("both lungs", "both the kidneys", "both sides").
    private func namesPairedStructures(after index: Int, in tokens: [Token], limit: Int) -> Bool {
        let following = keys(after: index, in: tokens, limit: limit, count: 2)
        guard let first = following.first else { return false }
        let noun = first == "the" && following.count > 1 ? following[1] : first
        return noun.utf8.count > 3 && noun.hasSuffix("s")
    }
}
