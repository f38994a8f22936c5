import RadScribeCore

/// A sentence an agent reads: a finding of the extractor, or a sentence of the text that no finding covers.
struct Statement: Sendable {
    /// Its span in the text.
    var span: TextSpan
    /// Its tokens.
    var tokens: Range<Int>
    /// The section it stands in.
    var section: SectionKind
    /// Present, absent or possible.
    var assertion: Assertion
    /// Its measurements (from the extractor; empty for sentences found without findings).
    var measurements: [Measurement]
}

/// Everything an agent reads, prepared once per report and shared by the agents of an ensemble.
///
/// Agents read only the sections after the clinical information: a clinical question ("Bandscheibenvorfall L4/5?",
/// "Metastasen?") is no finding. Without sections, the whole text is read. A class, so agents share one instance.
final class AgentInput: Sendable {
    /// The folded text.
    let text: FoldedText
    /// The report language.
    let language: Language
    /// The extractor's findings, sorted by position.
    let findings: [Finding]
    /// The report's sections.
    let sections: [ReportSection]
    /// The section kind of each token; `nil` for tokens of headers and clinical information.
    let tokenSections: [SectionKind?]
    /// The sentences agents read, in text order.
    let statements: [Statement]
    /// The negation judge.
    let negation: NegationScope
    /// The tokens of each readable stretch of text (a section body), so scanners can skip the rest.
    let readableRanges: [Range<Int>]

    /// Prepares the input.
    init(text folded: FoldedText, sections: [ReportSection], findings: [Finding], language: Language) {
        let sortedFindings = findings.sorted { $0.span.start < $1.span.start }
        let tokenSections = Self.tokenSections(of: folded, sections: sections)
        self.text = folded
        self.language = language
        self.findings = sortedFindings
        self.sections = sections
        self.tokenSections = tokenSections
        self.negation = NegationScope(text: folded, findings: sortedFindings)
        self.statements = Self.statements(findings: sortedFindings, text: folded, tokenSections: tokenSections)
        self.readableRanges = Self.readableRanges(tokenSections)
    }

    /// The original text of `span`.
    func string(_ span: TextSpan) -> String { text.string(span.start, span.end) }

    /// Evidence for tokens `first...last`.
    func evidence(tokens first: Int, through last: Int) -> TextEvidence {
        TextEvidence(text: text.string(tokens: first, through: last), span: text.span(tokens: first, through: last))
    }

    /// The organs named in `tokens`, each with the tokens of its first mention, in text order.
    func organs(in tokens: Range<Int>) -> [(organ: String, first: Int, last: Int)] {
        var organs: [(organ: String, first: Int, last: Int)] = []
        var index = tokens.lowerBound
        while index < tokens.upperBound {
            guard let match = OrganVocabulary.table.match(at: index, in: text) else {
                index += 1
                continue
            }
            if !organs.contains(where: { $0.organ == match.value }) { organs.append((match.value, index, index + match.tokenCount - 1)) }
            index += match.tokenCount
        }
        return organs
    }

    /// Whether a statement reports something abnormal rather than a normal or negated result.
    ///
    /// With the extractor's concepts: a present or possible non-anatomy concept. Otherwise: a hedged sentence, a
    /// measurement, or a clause with more than an organ name that has neither a normality word nor a negation cue
    /// ("Leberzyste, kein Aszites" is abnormal; "Leber ohne Herdbefund.", "Lunge: Kein Infiltrat." are not).
    func isAbnormal(_ statement: Statement) -> Bool {
        guard statement.assertion != .absent else { return false }
        if statement.assertion == .possible || !statement.measurements.isEmpty { return true }
        if let finding = NegationScope.finding(containing: statement.span, in: findings),
            finding.concepts.contains(where: { $0.category != "anatomy" })
        {
            return finding.concepts.contains { $0.category != "anatomy" && $0.assertion != .absent }
        }
        var clauseStart = statement.tokens.lowerBound
        while clauseStart < statement.tokens.upperBound {
            let clause = text.tokens[clauseStart].clause
            var clauseEnd = clauseStart
            var hasContent = false
            var isNormal = false
            while clauseEnd < statement.tokens.upperBound, text.tokens[clauseEnd].clause == clause {
                if Self.normalityWords.contains(tokenAt: clauseEnd, in: text) || NegationScope.isCue(tokenAt: clauseEnd, in: text) {
                    isNormal = true
                } else if OrganVocabulary.table.match(at: clauseEnd, in: text).map({ $0.isPartOfCompound }) ?? true {
                    // A bare organ name is no content; an organ compound ("Leberzyste") is.
                    hasContent = true
                }
                clauseEnd += 1
            }
            if hasContent && !isNormal { return true }
            clauseStart = clauseEnd
        }
        return false
    }

    private static let normalityWords = PhraseTable<Void>(words: [
        "unauffällig*", "regelrecht*", "normal*", "normgroß*", "normwertig*", "altersentsprechend*", "altersgerecht*", "unremarkable",
        "normal", "within normal limits", "frei", "clear", "intakt*", "intact",
    ])

    // MARK: - Preparation

    private static func readableRanges(_ tokenSections: [SectionKind?]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        for index in tokenSections.indices {
            if tokenSections[index] != nil {
                if start == nil { start = index }
            } else if let open = start {
                ranges.append(open..<index)
                start = nil
            }
        }
        if let open = start { ranges.append(open..<tokenSections.count) }
        return ranges
    }

    private static func tokenSections(of text: FoldedText, sections: [ReportSection]) -> [SectionKind?] {
        guard !sections.isEmpty else { return Array(repeating: .findings, count: text.tokens.count) }
        let ordered = sections.sorted { $0.span.start < $1.span.start }
        var result: [SectionKind?] = Array(repeating: nil, count: text.tokens.count)
        var sectionIndex = 0
        for index in text.tokens.indices {
            let token = text.tokens[index]
            while sectionIndex < ordered.count, ordered[sectionIndex].span.end <= token.start { sectionIndex += 1 }
            guard sectionIndex < ordered.count else { break }
            let section = ordered[sectionIndex]
            if section.span.start <= token.start, token.end <= section.span.end, section.kind != .clinicalInformation {
                result[index] = section.kind
            }
        }
        return result
    }

    /// The extractor's findings, plus the sentences of readable text that no finding covers, in text order.
    private static func statements(findings: [Finding], text: FoldedText, tokenSections: [SectionKind?]) -> [Statement] {
        let fromFindings = findingStatements(findings, in: text, tokenSections: tokenSections)
        guard !findings.isEmpty else { return sentenceStatements(of: text, tokenSections: tokenSections) }
        let uncovered = sentenceStatements(of: text, tokenSections: tokenSections).filter { sentence in
            !findings.contains { $0.span.overlaps(sentence.span) }
        }
        return (fromFindings + uncovered).sorted { $0.span.start < $1.span.start }
    }

    private static func findingStatements(_ findings: [Finding], in text: FoldedText, tokenSections: [SectionKind?]) -> [Statement] {
        findings.compactMap { finding in
            guard finding.section != .clinicalInformation else { return nil }
            let tokens = tokenRange(of: finding.span, in: text)
            guard !tokens.isEmpty, tokens.contains(where: { tokenSections[$0] != nil }) else { return nil }
            return Statement(
                span: finding.span,
                tokens: tokens,
                section: finding.section,
                assertion: finding.assertion,
                measurements: finding.measurements
            )
        }
    }

    private static func sentenceStatements(of text: FoldedText, tokenSections: [SectionKind?]) -> [Statement] {
        var statements: [Statement] = []
        var index = 0
        while index < text.tokens.count {
            guard let section = tokenSections[index] else {
                index += 1
                continue
            }
            let first = index
            let sentence = text.tokens[index].sentence
            while index + 1 < text.tokens.count, text.tokens[index + 1].sentence == sentence, tokenSections[index + 1] == section {
                index += 1
            }
            statements.append(
                Statement(
                    span: text.span(tokens: first, through: index),
                    tokens: first..<(index + 1),
                    section: section,
                    assertion: NegationScope.opensWithNegation(first..<(index + 1), in: text) ? .absent : .present,
                    measurements: []
                )
            )
            index += 1
        }
        return statements
    }

    /// The tokens inside `span`, by binary search.
    static func tokenRange(of span: TextSpan, in text: FoldedText) -> Range<Int> {
        var low = 0
        var high = text.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if text.tokens[middle].start < span.start { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < text.tokens.count, text.tokens[end].end <= span.end { end += 1 }
        return low..<end
    }
}
