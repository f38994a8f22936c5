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
/// several cues reach a concept, the nearest decides. A negated change concept ("keine Progredienz der Metastasen")
/// stops a negation from reaching the concepts it governs.
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
    private let sideWords: [String: Laterality]
    private var cues: [Cue] = []
    private var terminators: [Range<Int>] = []
    private var commas: [Int] = []
    private var listConjunctions: [Int] = []

    /// Scans `sentence` (token indices into `text`) for the cues of `language`, longest phrase first.
    init(text: TokenizedText, sentence: Range<Int>, language: Language) {
        self.sentence = sentence
        self.tokens = text.tokens
        self.sideWords = LateralityVocabulary.forLanguage(language).sides
        let trie = AssertionVocabulary.forLanguage(language).trie
        let ids = trie.tokenIDs(of: tokens, in: sentence)
        var position = sentence.lowerBound
        while position < sentence.upperBound {
            guard let match = trie.longestMatch(in: tokens, ids: ids, idOffset: sentence.lowerBound, from: position, limit: sentence.upperBound)
            else {
                position += 1
                continue
            }
            switch match.value.effect {
            case .negation, .uncertainty, .negatedChange:
                var end = match.tokens.upperBound
                if match.value.endsWithFullStop, end < sentence.upperBound, tokens[end].key == ".", !tokens[end].spaceBefore { end += 1 }
                cues.append(Cue(tokens: match.tokens.lowerBound..<end, trigger: match.value))
            case .terminator: terminators.append(match.tokens)
            case .comma: commas.append(match.tokens.lowerBound)
            case .listConjunction: listConjunctions.append(match.tokens.lowerBound)
            case .pseudo: break
            }
            position = match.tokens.upperBound
        }
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
            if let distance, best.map({ distance < $0.distance }) ?? true { best = (distance, cue) }
        }
        guard let best else { return Decision(assertion: .present, cue: nil) }
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
            guard listConjunctions.contains(where: { $0 > lastComma && $0 < clause.upperBound })
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
        return !tokens[(comma + 1)..<end].contains { $0.kind == .number || sideWords[$0.key] != nil }
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
