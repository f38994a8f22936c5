import RadScribeCore

/// A section header found in a text.
struct DetectedHeader: Sendable, Equatable {
    /// The section it opens.
    var kind: SectionKind
    /// First code unit of the header.
    var start: Int
    /// One past its last code unit, including a colon, dash or period that closes it.
    var end: Int
    /// For unknown headers (`other`), the header words as dictated, without the colon.
    var title: String?
}

/// Finds section headers by the rules below; German and English vocabularies apply together.
///
/// A **known header phrase** ("Befund", "klinische Angaben", "Findings", "reason for exam") is a header when
/// - a colon or a free-standing dash follows it ("Befund:", "BEFUND :", "Impression - …"), unless it runs on from a
///   word that makes it prose ("der Befund: …");
/// - it stands alone on its line ("Findings");
/// - it is a sentence of its own at line or sentence start ("Befund. Die Lunge …");
/// - at line or sentence start it is followed by up to five words and then a colon: a qualified header
///   ("Vergleich zur Voruntersuchung vom 02.03.2023:", "Comparison with CT 2021:"), unless a verb follows it;
/// - it is spoken without a colon, the phrase is one that radiologists speak as a header ("befund", "impression", not
///   "history" or "summary"), and what follows is no verb ("Befund ist stabil", "findings suggest", "Befund wie im
///   Vorbefund"), no predicate adjective that ends the clause ("Befund stabil.") and, in running text, no spoken
///   header of another kind ("… osseous findings impression …"). In running text the word before it must not be an
///   article, preposition, negation, verb or qualifying adjective ("der Befund", "im Vergleich", "keine Voraufnahmen",
///   "these findings", "there are findings"), only blanks, a comma, a period or a dash may separate them, and it must
///   not repeat the header just before it ("comparison comparison 2019"). In a typed layout (some line after the first
///   starts with a header and a colon) colon-less headers count only at line start, so "IMPRESSION: Comparison 2019 …"
///   stays one section.
/// - A preposition after a spoken header makes it prose ("findings of", "Vergleich zur Voruntersuchung",
///   "Befund im Vergleich unverändert"), unless the header opens a statement that starts with that preposition
///   ("… lumboischialgie links befund in höhe L4/5 mediolinks betonter bandscheibenvorfall …", "… findings on the right
///   there is …"). That needs the header to advance the report (its section comes after the one before it in the
///   canonical order, or it is the first header) and either a speech-like text (``WritingStyle``), or a header at line
///   or sentence start, after an earlier header or a short exam title ("MRT der LWS."), whose clause has no verb or
///   predicate before its end, before an existential "there" or before the next header ("Findings in the interval, …"
///   but not "Findings in the right lower lobe are …"). "of", "des", "eines", "einer" and conjunctions always make prose.
/// Header words joined to other words by a hyphen or slash ("CT-Befund", "Befund-Kontrolle") are never headers.
///
/// An **unknown header** is a line-start phrase of one to four words followed by a colon that is no known header, no
/// field, organ or spinal level label ("Lunge:", "BI-RADS:", "Größe:", "LWK 4/5:") and contains no verb
/// ("Es zeigt sich:"); it opens an `other` section.
struct SectionHeaderDetector: Sendable {
    private static let maximumQualifierChunks = 5
    private static let maximumUnknownHeaderChunks = 4
    /// How many words after a preposition that follows a spoken header are searched for the verb of its clause.
    private static let maximumStatementWords = 12
    /// An exam title before the first header ("MRT der LWS.", "CT chest.") has at most this many words.
    private static let maximumTitleWords = 6

    private let text: FoldedText
    private let style: WritingStyle

    /// Creates a detector for `text`, written in `style`.
    init(text: FoldedText, style: WritingStyle) {
        self.text = text
        self.style = style
    }

    /// All headers in text order, non-overlapping.
    func headers() -> [DetectedHeader] {
        let isTypedLayout = hasTypedLayout()
        var headers: [DetectedHeader] = []
        var index = 0
        while index < text.tokens.count {
            if let header = knownHeader(at: index, isTypedLayout: isTypedLayout, previous: headers.last) ?? unknownHeader(at: index) {
                headers.append(header)
                while index < text.tokens.count, text.tokens[index].start < header.end { index += 1 }
            } else {
                index += 1
            }
        }
        return headers
    }

    // MARK: - Position and what follows

    private enum Position {
        case lineStart
        case sentenceStart
        case runningText
    }

    private func position(ofToken index: Int) -> Position {
        let before = text.lastNonBlank(before: text.tokens[index].start)
        if before < 0 || CodeUnit.isLineBreak(text.units[before]) { return .lineStart }
        if index == 0 || text.tokens[index - 1].sentence != text.tokens[index].sentence { return .sentenceStart }
        return text.units[before] == CodeUnit.colon ? .sentenceStart : .runningText
    }

    private enum Terminator {
        /// A colon or free-standing dash; the header ends at `end`.
        case separator(end: Int)
        /// A period that makes the phrase a sentence of its own.
        case period(end: Int)
        /// Nothing but blanks up to the line end.
        case lineEnd
        /// A word follows on the same line.
        case word
        /// Other punctuation.
        case punctuation
    }

    private func terminator(after position: Int) -> Terminator {
        let units = text.units
        let next = text.skipBlanks(from: position)
        guard next < units.count, !CodeUnit.isLineBreak(units[next]) else { return .lineEnd }
        let unit = units[next]
        let followedBySpace = next + 1 == units.count || CodeUnit.isWhitespace(units[next + 1])
        if unit == CodeUnit.colon {
            return next + 1 < units.count && CodeUnit.isDigit(units[next + 1]) ? .punctuation : .separator(end: next + 1)
        }
        if CodeUnit.isDash(unit) && followedBySpace && (next > position || unit != CodeUnit.hyphen) { return .separator(end: next + 1) }
        if unit == CodeUnit.period && followedBySpace { return .period(end: next + 1) }
        return CodeUnit.isWordUnit(unit) ? .word : .punctuation
    }

    /// Whether the phrase `first...last` is glued to a neighbouring word by a hyphen or slash.
    private func isJoinedToNeighbour(first: Int, last: Int) -> Bool {
        let units = text.units
        let start = text.tokens[first].start
        let end = text.tokens[last].end
        if start >= 2, units[start - 1] == CodeUnit.hyphen || units[start - 1] == CodeUnit.slash, CodeUnit.isWordUnit(units[start - 2]) {
            return true
        }
        return end + 1 < units.count && (units[end] == CodeUnit.hyphen || units[end] == CodeUnit.slash) && CodeUnit.isWordUnit(units[end + 1])
    }

    // MARK: - Known headers

    /// Whether the text is laid out with typed headers: a known header with a colon or dash at the start of a line after
    /// the first. Then colon-less header words count only at line start ("IMPRESSION: Comparison 2019. …" stays one section).
    private func hasTypedLayout() -> Bool {
        for index in text.tokens.indices where index > 0 && position(ofToken: index) == .lineStart {
            guard let match = SectionHeaderVocabulary.headers.match(at: index, in: text) else { continue }
            if case .separator = terminator(after: text.tokens[index + match.tokenCount - 1].end) { return true }
        }
        return false
    }

    private func knownHeader(at index: Int, isTypedLayout: Bool, previous: DetectedHeader?) -> DetectedHeader? {
        guard let match = SectionHeaderVocabulary.headers.match(at: index, in: text) else { return nil }
        let last = index + match.tokenCount - 1
        guard !isJoinedToNeighbour(first: index, last: last) else { return nil }
        let entry = match.value
        let position = position(ofToken: index)
        let start = text.tokens[index].start
        let phraseEnd = text.tokens[last].end
        let runsOnFromProse =
            position == .runningText && index > 0 && SectionHeaderVocabulary.prosePredecessors.contains(tokenAt: index - 1, in: text)

        switch terminator(after: phraseEnd) {
        case .separator(let end):
            return runsOnFromProse ? nil : DetectedHeader(kind: entry.kind, start: start, end: end)
        case .period(let end):
            return position == .runningText ? nil : DetectedHeader(kind: entry.kind, start: start, end: end)
        case .lineEnd where position == .lineStart:
            return DetectedHeader(kind: entry.kind, start: start, end: phraseEnd)
        case .lineEnd, .word:
            if position != .runningText, let end = qualifiedHeaderEnd(after: last) {
                return DetectedHeader(kind: entry.kind, start: start, end: end)
            }
            // A repeated spoken header word is text ("comparison comparison 2019": the second one).
            let repeatsPrevious = previous.map { $0.kind == entry.kind && text.skipBlanks(from: $0.end) == start } ?? false
            guard entry.isSpokenHeader, !runsOnFromProse, !repeatsPrevious, !(isTypedLayout && position != .lineStart),
                last + 1 < text.tokens.count
            else { return nil }
            if position == .runningText && !gapAllowsSpokenHeader(before: index) { return nil }
            let candidate = SpokenHeader(first: index, kind: entry.kind, position: position, previous: previous)
            return isFollowedByProse(candidate, next: last + 1) ? nil : DetectedHeader(kind: entry.kind, start: start, end: phraseEnd)
        case .punctuation:
            return nil
        }
    }

    /// A header phrase spoken without a colon, before the words after it are read.
    private struct SpokenHeader {
        /// Its first token.
        var first: Int
        /// The section it would open.
        var kind: SectionKind
        /// Where it stands: line start, sentence start or running text.
        var position: Position
        /// The header found before it, if any.
        var previous: DetectedHeader?
    }

    /// Whether the words after a colon-less header word make it prose: a verb ("Befund ist …", "findings suggest"),
    /// a preposition that does not open a statement ("findings of …", "Befund im Vergleich unverändert"), a predicate
    /// adjective that ends its clause or takes a preposition ("Befund stabil.", "findings unchanged from …"), or, in
    /// running text, a spoken header of another kind ("… osseous findings impression …").
    private func isFollowedByProse(_ header: SpokenHeader, next: Int) -> Bool {
        if SectionHeaderVocabulary.proseVerbs.contains(tokenAt: next, in: text) { return true }
        if SectionHeaderVocabulary.prosePrepositions.contains(tokenAt: next, in: text) {
            return !opensStatement(header, preposition: next)
        }
        if header.position == .runningText, let following = SectionHeaderVocabulary.headers.match(at: next, in: text),
            following.value.isSpokenHeader, following.value.kind != header.kind
        {
            return true
        }
        // In dictation a header that advances the report may be followed by its one-word statement ("impression stable").
        guard SectionHeaderVocabulary.prosePredicates.contains(tokenAt: next, in: text), !(style.isSpeechLike && advances(header)) else {
            return false
        }
        let after = next + 1
        if after >= text.tokens.count || text.tokens[after].clause != text.tokens[next].clause { return true }
        return SectionHeaderVocabulary.prosePrepositions.contains(tokenAt: after, in: text)
    }

    /// Whether a spoken header followed by the preposition at `preposition` opens a statement that starts with it
    /// ("befund in höhe L4/5 …", "findings on the right there is …") rather than being a noun the preposition qualifies.
    private func opensStatement(_ header: SpokenHeader, preposition: Int) -> Bool {
        guard !SectionHeaderVocabulary.bindingWords.contains(tokenAt: preposition, in: text), advances(header) else { return false }
        // It must not leave the section before it empty ("Fragestellung: Befund im Verlauf?").
        if let previous = header.previous, text.tokens[header.first - 1].start < previous.end { return false }
        if style.isSpeechLike { return true }
        guard header.position != .runningText, header.previous != nil || followsExamTitle(header.first) else { return false }
        return !statementHasPredicate(after: preposition)
    }

    /// Whether the header comes after the section before it in the canonical order, or is the first header.
    private func advances(_ header: SpokenHeader) -> Bool {
        guard let previous = header.previous, let before = SectionKind.canonicalOrder.firstIndex(of: previous.kind),
            let after = SectionKind.canonicalOrder.firstIndex(of: header.kind)
        else { return true }
        return after > before
    }

    /// Whether only a short exam title without a verb stands before token `index` ("MRT der LWS.", "CT chest.").
    private func followsExamTitle(_ index: Int) -> Bool {
        guard index <= Self.maximumTitleWords, text.tokens[index].sentence == 1 else { return false }
        return !(0..<index).contains { SectionHeaderVocabulary.proseVerbs.contains(tokenAt: $0, in: text) }
    }

    /// Whether the clause that continues after `preposition` has a verb or predicate adjective before it ends, before an
    /// existential "there" (a clause of its own: "findings on the right there is …") and before the next spoken header.
    private func statementHasPredicate(after preposition: Int) -> Bool {
        let clause = text.tokens[preposition].clause
        var index = preposition + 1
        while index < min(text.tokens.count, preposition + 1 + Self.maximumStatementWords), text.tokens[index].clause == clause {
            if text.token(index, is: "there") || startsSpokenHeader(index) { return false }
            if SectionHeaderVocabulary.proseVerbs.contains(tokenAt: index, in: text)
                || SectionHeaderVocabulary.prosePredicates.contains(tokenAt: index, in: text)
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether a spoken header phrase that no article or preposition takes as a noun starts at token `index`
    /// ("… beurteilung …", but not "im Vergleich").
    private func startsSpokenHeader(_ index: Int) -> Bool {
        guard SectionHeaderVocabulary.headers.match(at: index, in: text)?.value.isSpokenHeader == true else { return false }
        return !SectionHeaderVocabulary.prosePredecessors.contains(tokenAt: index - 1, in: text)
    }

    /// In running text only blanks, a comma, a period (after an abbreviation: "xxxx p.m. findings …"), a semicolon, a
    /// dash or a closing bracket may stand before a spoken header ("pt with sob, comparison none").
    private func gapAllowsSpokenHeader(before index: Int) -> Bool {
        (text.tokens[index - 1].end..<text.tokens[index].start).allSatisfy { position in
            let unit = text.units[position]
            return CodeUnit.isBlank(unit) || unit == CodeUnit.comma || unit == CodeUnit.period || unit == CodeUnit.semicolon
                || unit == CodeUnit.closeParenthesis || CodeUnit.isDash(unit)
        }
    }

    /// The end of "Header qualifier…:" when up to five blank-separated words, none a verb, lead to a colon on the same line and sentence.
    private func qualifiedHeaderEnd(after last: Int) -> Int? {
        let sentence = text.tokens[last].sentence
        var chunks = 0
        var index = last + 1
        while index < text.tokens.count, text.tokens[index].sentence == sentence {
            if gapHasBlank(after: index - 1) { chunks += 1 }
            guard chunks <= Self.maximumQualifierChunks, !SectionHeaderVocabulary.proseVerbs.contains(tokenAt: index, in: text) else {
                return nil
            }
            if case .separator(let end) = terminator(after: text.tokens[index].end), text.units[end - 1] == CodeUnit.colon { return end }
            index += 1
        }
        return nil
    }

    private func gapHasBlank(after index: Int) -> Bool {
        (text.tokens[index].end..<text.tokens[index + 1].start).contains { CodeUnit.isBlank(text.units[$0]) }
    }

    // MARK: - Unknown headers

    private func unknownHeader(at index: Int) -> DetectedHeader? {
        guard position(ofToken: index) == .lineStart, CodeUnit.isLetter(text.units[text.tokens[index].start]),
            !SectionHeaderVocabulary.prosePredecessors.contains(tokenAt: index, in: text)
        else { return nil }
        let sentence = text.tokens[index].sentence
        var chunks = 1
        var last = index
        while true {
            if SectionHeaderVocabulary.fieldLabels.contains(tokenAt: last, in: text)
                || SectionHeaderVocabulary.proseVerbs.contains(tokenAt: last, in: text)
                || OrganVocabulary.table.contains(tokenAt: last, in: text)
                || SpinalLevelParser.levels(at: last, in: text) != nil
            {
                return nil
            }
            if case .separator(let end) = terminator(after: text.tokens[last].end), text.units[end - 1] == CodeUnit.colon {
                return DetectedHeader(
                    kind: .other,
                    start: text.tokens[index].start,
                    end: end,
                    title: text.string(tokens: index, through: last)
                )
            }
            let next = last + 1
            guard next < text.tokens.count, text.tokens[next].sentence == sentence, gapContinuesLabel(after: last) else { return nil }
            if gapHasBlank(after: last) { chunks += 1 }
            guard chunks <= Self.maximumUnknownHeaderChunks else { return nil }
            last = next
        }
    }

    /// Inside an unknown header, words may be separated by blanks, hyphens, slashes, periods, ampersands or apostrophes.
    private func gapContinuesLabel(after index: Int) -> Bool {
        for position in text.tokens[index].end..<text.tokens[index + 1].start {
            let unit = text.units[position]
            guard
                CodeUnit.isBlank(unit) || unit == CodeUnit.hyphen || unit == CodeUnit.slash || unit == CodeUnit.period
                    || unit == 0x26 || unit == 0x27
            else { return false }
        }
        return true
    }
}
