import RadScribeCore

/// The negation and uncertainty cues of one tokenised sentence, and the NegEx-style rules that decide which
/// concepts they reach.
///
/// A forward cue ("kein", "V. a.") reaches at most ``forwardWindow`` words ahead, a backward cue ("ausgeschlossen",
/// "is not seen") at most ``backwardWindow`` words back; neither crosses a terminator ("aber", "however", ";").
/// A forward cue crosses a comma only inside a list: when a list conjunction ("oder", "und", "or", "nor") follows
/// later in the clause ("no effusion, pneumothorax or consolidation"), or when the list goes on over two or more
/// commas ("no murmurs, rubs, gallops") and the concept's part of it names no side and no number. A single comma
/// starts a new statement ("Kein Pneumothorax, Pleuraerguss links"). A backward cue never crosses a comma. When
/// several cues reach a concept, the nearest decides, except that a negation before a hedge that reaches the same
/// concept negates it ("no findings suggesting osteomyelitis"). A negated change ("keine wesentliche Befundänderung
/// der Ergüsse", "no interval change", or a lexicon concept that describes change, "keine Progredienz der Metastasen")
/// is itself absent, but the negation does not reach the concepts it governs.
struct SentenceCues {
    /// Words a forward cue reaches past (list conjunctions do not count).
    static let forwardWindow = 8
    /// Words a backward cue reaches past.
    static let backwardWindow = 4

    /// A negation, uncertainty or negated-change phrase found in the sentence.
    struct Cue {
        /// Its tokens.
        var tokens: Range<Int>
        /// What it does.
        var trigger: AssertionTrigger
    }

    /// What the cues say about one concept.
    struct Decision {
        /// Present, absent or possible.
        var assertion: Assertion
        /// The tokens of the deciding cue, `nil` for `present`.
        var cue: Range<Int>?
    }

    /// The tokens of the sentence.
    let sentence: Range<Int>
    private let tokens: [Token]
    private let language: Language
    private var cues: [Cue] = []
    private var terminators: [Range<Int>] = []
    private var commas: [Int] = []
    private var listConjunctions: [Int] = []

    /// Scans `sentence` (token indices into `text`) for the cues of `language`, longest phrase first.
    init(text: TokenizedText, sentence: Range<Int>, language: Language) {
        self.sentence = sentence
        self.tokens = text.tokens
        self.language = language
        let vocabulary = AssertionVocabulary.forLanguage(language)
        let trie = vocabulary.trie
        let ids = trie.tokenIDs(of: tokens, in: sentence)
        var position = sentence.lowerBound
        while position < sentence.upperBound {
            guard ids[position - sentence.lowerBound] >= 0,
                let match = trie.longestMatch(in: tokens, ids: ids, idOffset: sentence.lowerBound, from: position, limit: sentence.upperBound)
            else {
                position += 1
                continue
            }
            switch match.value.effect {
            case .negation, .uncertainty, .negatedChange:
                let cue = Self.cue(for: match, in: tokens, limit: sentence.upperBound, vocabulary: vocabulary)
                cues.append(cue)
                position = cue.tokens.upperBound
                continue
            case .terminator: terminators.append(match.tokens)
            case .comma: commas.append(match.tokens.lowerBound)
            case .listConjunction: listConjunctions.append(match.tokens.lowerBound)
            case .pseudo: break
            }
            position = match.tokens.upperBound
        }
    }

    /// The most qualifiers between a negation and the change word it negates ("keine eindeutige wesentliche Zunahme").
    private static let maximumChangeQualifiers = 3

    /// The cue of a matched phrase: with the full stop of an abbreviation ("V. a."), and reaching to the change word
    /// when a negation is followed by one ("keine wesentliche Befundänderung").
    private static func cue(
        for match: PhraseTrie<AssertionTrigger>.Match,
        in tokens: [Token],
        limit: Int,
        vocabulary: AssertionVocabulary
    ) -> Cue {
        var end = match.tokens.upperBound
        if match.value.endsWithFullStop, end < limit, tokens[end].key == ".", !tokens[end].spaceBefore { end += 1 }
        if match.value.effect == .negation, match.value.direction.contains(.forward),
            let change = changeWord(after: end, in: tokens, limit: limit, vocabulary: vocabulary)
        {
            return Cue(tokens: match.tokens.lowerBound..<(change + 1), trigger: .negatedChange)
        }
        return Cue(tokens: match.tokens.lowerBound..<end, trigger: match.value)
    }

    /// The index of a change word that follows a negation at `start`, after at most a few qualifiers.
    private static func changeWord(after start: Int, in tokens: [Token], limit: Int, vocabulary: AssertionVocabulary) -> Int? {
        var index = start
        var qualifiers = 0
        while index < limit, tokens[index].kind == .word {
            if vocabulary.changeWords.contains(tokens[index].key) { return index }
            guard qualifiers < maximumChangeQualifiers, vocabulary.changeQualifiers.contains(tokens[index].key) else { return nil }
            qualifiers += 1
            index += 1
        }
        return nil
    }

    /// The assertion of the concept at `target`.
    ///
    /// - Parameters:
    ///   - target: The concept's tokens, inside ``sentence``.
    ///   - changeConcepts: The tokens of concepts that describe change ("Progredienz", "progression"); a negation
    ///     that reaches one of them stops there.
    func decision(for target: Range<Int>, changeConcepts: [Range<Int>] = []) -> Decision {
        let clause = self.clause(around: target)
        var best: (distance: Int, cue: Cue)?
        var farthestForwardNegation: Cue?
        for cue in cues {
            if cue.tokens.overlaps(target) {
                if cue.trigger.effect == .negatedChange { return Decision(assertion: .absent, cue: cue.tokens) }
                continue
            }
            guard cue.trigger.effect != .negatedChange, clause.contains(cue.tokens.lowerBound) else { continue }
            let distance: Int?
            if cue.tokens.upperBound <= target.lowerBound, cue.trigger.direction.contains(.forward) {
                distance = forwardDistance(from: cue.tokens, to: target, clause: clause, changeConcepts: changeConcepts)
            } else if cue.tokens.lowerBound >= target.upperBound, cue.trigger.direction.contains(.backward) {
                distance = backwardDistance(from: cue.tokens, to: target, clause: clause, changeConcepts: changeConcepts)
            } else {
                distance = nil
            }
            guard let distance else { continue }
            if best.map({ distance < $0.distance }) ?? true { best = (distance, cue) }
            if cue.trigger.effect == .negation, cue.tokens.upperBound <= target.lowerBound, farthestForwardNegation == nil {
                farthestForwardNegation = cue
            }
        }
        guard let best else { return Decision(assertion: .present, cue: nil) }
        if best.cue.trigger.effect == .uncertainty, let negation = farthestForwardNegation,
            negation.tokens.upperBound <= best.cue.tokens.lowerBound, best.cue.tokens.upperBound <= target.lowerBound
        {
            // A negated hedge: "no findings suggesting osteomyelitis".
            return Decision(assertion: .absent, cue: negation.tokens)
        }
        return Decision(assertion: best.cue.trigger.effect == .negation ? .absent : .possible, cue: best.cue.tokens)
    }

    // MARK: - Scope

    /// The tokens between the terminators around `target`.
    private func clause(around target: Range<Int>) -> Range<Int> {
        var start = sentence.lowerBound
        var end = sentence.upperBound
        for terminator in terminators {
            if terminator.upperBound <= target.lowerBound {
                start = max(start, terminator.upperBound)
            } else if terminator.lowerBound >= target.upperBound {
                end = min(end, terminator.lowerBound)
            }
        }
        return start..<end
    }

    private func forwardDistance(from cue: Range<Int>, to target: Range<Int>, clause: Range<Int>, changeConcepts: [Range<Int>]) -> Int? {
        let gap = cue.upperBound..<target.lowerBound
        if let lastComma = commas.last(where: { gap.contains($0) }) {
            guard
                listConjunctions.contains(where: { $0 > lastComma && $0 < clause.upperBound })
                    || isListItem(after: lastComma, cue: cue, clause: clause)
            else { return nil }
        }
        guard !changeConcepts.contains(where: { gap.lowerBound <= $0.lowerBound && $0.upperBound <= gap.upperBound }) else { return nil }
        let distance = wordCount(in: gap)
        return distance <= Self.forwardWindow ? distance : nil
    }

    private func backwardDistance(from cue: Range<Int>, to target: Range<Int>, clause: Range<Int>, changeConcepts: [Range<Int>]) -> Int? {
        let gap = target.upperBound..<cue.lowerBound
        guard !commas.contains(where: { gap.contains($0) }) else { return nil }
        let statementStart = max(clause.lowerBound, (commas.last { $0 < target.lowerBound } ?? -1) + 1)
        guard !changeConcepts.contains(where: { $0.lowerBound >= statementStart && $0.upperBound <= target.lowerBound }) else { return nil }
        let distance = wordCount(in: gap)
        return distance <= Self.backwardWindow ? distance : nil
    }

    /// Whether the part after `comma` continues a list without a conjunction: two or more commas follow the cue,
    /// and the part names no side or number of its own.
    private func isListItem(after comma: Int, cue: Range<Int>, clause: Range<Int>) -> Bool {
        guard commas.count(where: { $0 >= cue.upperBound && $0 < clause.upperBound }) >= 2 else { return false }
        let end = commas.first { $0 > comma && $0 < clause.upperBound } ?? clause.upperBound
        let sideWords = LateralityVocabulary.forLanguage(language)
        return !tokens[(comma + 1)..<end].contains { $0.kind == .number || sideWords.side(of: $0.key) != nil }
    }

    /// The words and numbers in `range`, without list conjunctions.
    private func wordCount(in range: Range<Int>) -> Int {
        var count = 0
        for index in range where tokens[index].isWordOrNumber && !listConjunctions.contains(index) {
            count += 1
        }
        return count
    }
}
