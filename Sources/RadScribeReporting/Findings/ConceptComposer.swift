/// Reads an anatomy concept and a descriptor next to it as the finding they name together, as the lexicon's
/// `composed_of` entries define: "heart size is mildly enlarged", "the cardiac silhouette is enlarged" and
/// "Herzsilhouette deutlich verbreitert" are cardiomegaly, "Milz vergrößert" is splenomegaly.
///
/// A descriptor belongs to the nearest concept that is not itself a descriptor, before or after it (before wins a tie),
/// at most ``maximumGap`` words away with no punctuation and no conjunction between: in "the heart is normal and the aorta
/// is dilated" the dilatation belongs to the aorta, in "the heart is enlarged and the vessels are prominent" the
/// enlargement belongs to the heart. A descriptor before its anatomy must modify the head of the phrase, so the anatomy
/// may not be followed directly by another concept ("prominent hilar lymph nodes" does not compose "hilar").
struct ConceptComposer: Sendable {
    /// The most words between a descriptor and its anatomy ("heart size appears to be mildly enlarged").
    static let maximumGap = 4
    /// Folded words that separate two statements, which a descriptor does not reach across.
    private static let conjunctions: Set<String> = ["and", "or", "but", "while", "whereas", "und", "oder", "sowie", "aber", "jedoch", "waehrend"]

    /// A finding named by an anatomy and a descriptor.
    struct Composition {
        /// The index of the finding concept in the lexicon.
        var concept: Int
        /// The tokens from the first to the last of the two mentions.
        var tokens: Range<Int>
    }

    private let lexicon: Lexicon

    /// Creates a composer for the compositions of `lexicon`.
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The compositions among the concept matches of one sentence, keyed by the index of the descriptor's match.
    ///
    /// - Parameters:
    ///   - matches: The sentence's concept matches, in text order.
    ///   - text: The tokenised text they point into.
    func compositions(in matches: [Lexicon.ConceptMatch], of text: TokenizedText) -> [Int: Composition] {
        var result: [Int: Composition] = [:]
        for (index, match) in matches.enumerated() where lexicon.composes(descriptor: match.concept) {
            let before = neighbour(of: index, in: matches, step: -1, text: text)
            let after = neighbour(of: index, in: matches, step: 1, text: text)
            guard let chosen = [before, after].compactMap({ $0 }).min(by: { $0.gap < $1.gap }) else { continue }
            let anatomy = matches[chosen.index]
            guard lexicon.concepts[anatomy.concept].category == .anatomy,
                chosen.index < index || !isFollowedByConcept(chosen.index, in: matches, text: text),
                let finding = lexicon.composedFinding(anatomy: anatomy.concept, descriptor: match.concept)
            else { continue }
            let tokens = min(anatomy.tokens.lowerBound, match.tokens.lowerBound)..<max(anatomy.tokens.upperBound, match.tokens.upperBound)
            result[index] = Composition(concept: finding, tokens: tokens)
        }
        return result
    }

    /// The nearest match in direction `step` that is not a descriptor, with the words between, if it is close enough
    /// and no punctuation or conjunction stands between.
    private func neighbour(of index: Int, in matches: [Lexicon.ConceptMatch], step: Int, text: TokenizedText) -> (index: Int, gap: Int)? {
        var candidate = index + step
        while matches.indices.contains(candidate), lexicon.concepts[matches[candidate].concept].category == .descriptor {
            candidate += step
        }
        guard matches.indices.contains(candidate) else { return nil }
        let between =
            step < 0
            ? matches[candidate].tokens.upperBound..<matches[index].tokens.lowerBound
            : matches[index].tokens.upperBound..<matches[candidate].tokens.lowerBound
        var words = 0
        for position in between {
            let token = text.tokens[position]
            if token.isWordOrNumber {
                guard !Self.conjunctions.contains(token.key) else { return nil }
                words += 1
            } else if !token.isTransparent {
                return nil
            }
        }
        return words <= Self.maximumGap ? (candidate, words) : nil
    }

    /// Whether the match at `index` is directly followed by another concept ("hilar lymph nodes").
    private func isFollowedByConcept(_ index: Int, in matches: [Lexicon.ConceptMatch], text: TokenizedText) -> Bool {
        let next = index + 1
        guard matches.indices.contains(next) else { return false }
        return !(matches[index].tokens.upperBound..<matches[next].tokens.lowerBound).contains { text.tokens[$0].isWordOrNumber }
    }
}
