import RadScribeCore

/// A finding with its sentence tokenised once, and the sentence-level questions the checks ask about it.
struct AnalyzedFinding {
    /// The finding as the extractor produced it.
    let finding: Finding
    /// The tokens of its sentence.
    let tokens: [SentenceToken]
    /// The token ranges of its clauses (see ``clauses(of:)``).
    let clauses: [Range<Int>]

    /// Tokenises `finding`.
    init(_ finding: Finding) {
        self.finding = finding
        self.tokens = SentenceTokenizer.tokens(of: finding)
        self.clauses = Self.clauses(of: tokens)
    }

    // MARK: - Sides

    /// The spans of the words that name `side` ("links", "linke", "linksseitig", "li.", "left").
    func spans(naming side: Laterality) -> [TextSpan] {
        tokens.filter { Self.side(of: $0) == side }.map(\.span)
    }

    /// The side of one mention: the one side named in its clause ("Pleuraerguss links, kein Erguss rechts" gives each
    /// mention its own side), else the side of the whole sentence.
    func side(of mention: ConceptMention) -> Laterality? {
        let index = tokenIndex(at: mention.span)
        if let clause = clauses.first(where: { $0.contains(index) }) {
            let sides = Set(tokens[clause].compactMap(Self.side(of:)))
            if sides.count == 1 { return sides.first }
        }
        return finding.laterality
    }

    /// The side a token names, if it names one.
    static func side(of token: SentenceToken) -> Laterality? {
        guard token.kind == .word else { return nil }
        let word = token.text
        if CheckVocabulary.leftWords.contains(word) || word.hasPrefix("linksseitig") { return .left }
        if CheckVocabulary.rightWords.contains(word) || word.hasPrefix("rechtsseitig") { return .right }
        if CheckVocabulary.bilateralWords.contains(word) || word.hasPrefix("beidseitig") { return .bilateral }
        if token.isFollowedByPeriod {
            if word == "li" { return .left }
            if word == "re" { return .right }
        }
        return nil
    }

    // MARK: - Clauses

    /// The token ranges of the sentence's clauses: split at commas, semicolons, colons, brackets, numbers and
    /// coordinating conjunctions ("und", "sowie", "and", "while"), because each such part may describe another lesion.
    private static func clauses(of tokens: [SentenceToken]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where Self.endsClause(token) {
            if start < index { clauses.append(start..<index) }
            start = index + 1
        }
        if start < tokens.count { clauses.append(start..<tokens.count) }
        return clauses
    }

    private static func endsClause(_ token: SentenceToken) -> Bool {
        switch token.kind {
        case .clauseBreak, .number: true
        case .word: CheckVocabulary.clauseConjunctions.contains(token.text)
        }
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
            if token.kind == .clauseBreak || CheckVocabulary.newInformationWords.contains(token.text) { return false }
            if isHistoryCue(at: position, before: index) { return true }
            position -= 1
        }
        return false
    }

    /// Whether the sentence names past history anywhere ("Z. n.", "status post", …).
    var mentionsPastHistory: Bool {
        tokens.indices.contains { isHistoryCue(at: $0, before: tokens.count) }
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
            if CheckVocabulary.removalStems.contains(where: token.text.contains) { return true }
            if CheckVocabulary.absenceWords.contains(token.text) { return true }
            guard CheckVocabulary.negators.contains(token.text) else { continue }
            let following = tokens[(index + 1)..<min(index + 3, tokens.count)]
            if following.contains(where: { CheckVocabulary.visibilityWords.contains($0.text) }) { return true }
        }
        return false
    }

    /// Whether any word of the sentence is in `words`.
    func contains(anyOf words: Set<String>) -> Bool {
        tokens.contains { $0.kind == .word && words.contains($0.text) }
    }
}
