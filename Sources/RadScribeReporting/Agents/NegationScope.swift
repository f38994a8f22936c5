import RadScribeCore

/// Decides whether a term the agents found is negated.
///
/// The finding extractor's verdict comes first: a concept mention over the term, then a wholly negated finding sentence.
/// Where neither says anything (no findings given, or a term the lexicon does not know), a small local rule looks for a
/// negation cue before the term in the same clause ("keine Spinalkanalstenose", "no disc herniation") or a negating word
/// just after it ("Bandscheibenvorfall ausgeschlossen", "herniation is not seen"); "nicht auszuschließen" / "cannot be
/// excluded" hedge rather than negate.
struct NegationScope: Sendable {
    private static let precedingCues = PhraseTable<Void>(words: [
        "kein*", "keinerlei", "nicht", "ohne", "weder", "no", "not", "without", "neither", "nor", "negative for", "free of",
        "frei von", "absence of", "fehlend*",
    ])
    private static let followingCues = PhraseTable<Void>(words: [
        "ausgeschlossen", "nicht", "not", "excluded", "ruled out", "absent", "fehlt", "fehlen",
    ])
    private static let hedgesAfterNot = PhraseTable<Void>(words: [
        "auszuschließen", "ausgeschlossen", "ausschließbar", "sicher", "excluded", "be excluded", "ruled out", "be ruled out",
    ])
    /// Words that end a negation's reach within a clause ("keine Stenose bei Protrusion", "no effusion but consolidation").
    private static let scopeBreakers = PhraseTable<Void>(words: [
        "jedoch", "aber", "allerdings", "sondern", "während", "bei", "außer", "abgesehen", "but", "however", "although", "whereas",
        "except", "apart", "though", "yet",
    ])

    private let text: FoldedText
    private let findings: [Finding]

    /// Creates a scope over `text` with the extractor's findings (sorted by position).
    init(text: FoldedText, findings: [Finding]) {
        self.text = text
        self.findings = findings
    }

    /// Whether the term covering tokens `first...last` is negated.
    func isNegated(first: Int, last: Int) -> Bool {
        let span = TextSpan(start: text.tokens[first].start, end: text.tokens[last].end)
        if let verdict = Self.extractorVerdict(on: span, in: findings) { return verdict }
        return hasPrecedingCue(before: first) || hasFollowingCue(after: last)
    }

    /// Whether token `index` is a negation cue ("kein", "ohne", "no", "without", …).
    static func isCue(tokenAt index: Int, in text: FoldedText) -> Bool {
        precedingCues.contains(tokenAt: index, in: text)
    }

    /// Whether a sentence without extractor findings reads as wholly negated: it opens with a negation cue ("Kein Erguss.",
    /// "No pneumothorax or effusion.") and nothing in it breaks the negation's scope ("…, jedoch …", "… but …").
    static func opensWithNegation(_ tokens: Range<Int>, in text: FoldedText) -> Bool {
        guard let first = tokens.first, precedingCues.contains(tokenAt: first, in: text) else { return false }
        return !tokens.contains { scopeBreakers.contains(tokenAt: $0, in: text) }
    }

    /// What the finding extractor says about `span`: negated or not by the concept mention over it, negated when its
    /// sentence is wholly negated, `nil` when the findings say nothing.
    static func extractorVerdict(on span: TextSpan, in findings: [Finding]) -> Bool? {
        guard let finding = finding(containing: span, in: findings) else { return nil }
        if let mention = finding.concepts.first(where: { $0.span.overlaps(span) }) { return mention.assertion == .absent }
        return finding.assertion == .absent ? true : nil
    }

    /// The finding whose span contains `span`, by binary search over findings sorted by start.
    static func finding(containing span: TextSpan, in findings: [Finding]) -> Finding? {
        var low = 0
        var high = findings.count
        while low < high {
            let middle = (low + high) / 2
            if findings[middle].span.start <= span.start { low = middle + 1 } else { high = middle }
        }
        guard low > 0, findings[low - 1].span.contains(span) else { return nil }
        return findings[low - 1]
    }

    private func hasPrecedingCue(before first: Int) -> Bool {
        let clause = text.tokens[first].clause
        var index = first - 1
        while index >= 0, index >= first - 8, text.tokens[index].clause == clause {
            if Self.scopeBreakers.contains(tokenAt: index, in: text) { return false }
            if Self.precedingCues.contains(tokenAt: index, in: text) { return !isHedge(cueAt: index) }
            index -= 1
        }
        return false
    }

    private func hasFollowingCue(after last: Int) -> Bool {
        let clause = text.tokens[last].clause
        var index = last + 1
        while index < text.tokens.count, index <= last + 4, text.tokens[index].clause == clause {
            if Self.scopeBreakers.contains(tokenAt: index, in: text) { return false }
            if Self.followingCues.contains(tokenAt: index, in: text) { return !isHedge(cueAt: index) }
            index += 1
        }
        return false
    }

    /// "nicht auszuschließen", "cannot be excluded": a negation that hedges instead.
    private func isHedge(cueAt index: Int) -> Bool {
        if isNot(at: index) {
            let next = index + 1
            return next < text.tokens.count && Self.hedgesAfterNot.contains(tokenAt: next, in: text)
        }
        guard Self.hedgesAfterNot.contains(tokenAt: index, in: text) else { return false }
        return (max(0, index - 2)..<index).contains { isNot(at: $0) || text.token($0, is: "cannot") }
    }

    private func isNot(at index: Int) -> Bool {
        text.token(index, is: "nicht") || text.token(index, is: "not")
    }
}
