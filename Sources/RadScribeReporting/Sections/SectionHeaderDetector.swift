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
///   "history" or "summary"), and what follows is no verb or preposition ("Befund ist stabil", "findings of",
///   "Vergleich zur"), no predicate adjective that ends the clause ("Befund stabil.") and, in running text, no spoken
///   header of another kind ("… osseous findings impression …"). In running text the word before it must not be an
///   article, preposition, negation or qualifying adjective ("der Befund", "im Vergleich", "keine Voraufnahmen",
///   "these findings"), only blanks or a comma may separate them, and it must not repeat the header just before it
///   ("comparison comparison 2019"). In a typed layout (some line after the first starts with a header and a colon)
///   colon-less headers count only at line start, so "IMPRESSION: Comparison 2019 …" stays one section.
/// Header words joined to other words by a hyphen or slash ("CT-Befund", "Befund-Kontrolle") are never headers.
///
/// An **unknown header** is a line-start phrase of one to four words followed by a colon that is no known header, no
/// field, organ or spinal level label ("Lunge:", "BI-RADS:", "Größe:", "LWK 4/5:") and contains no verb
/// ("Es zeigt sich:"); it opens an `other` section.
struct SectionHeaderDetector: Sendable {
    private static let maximumQualifierChunks = 5
    private static let maximumUnknownHeaderChunks = 4

    private let text: FoldedText

    /// Creates a detector for `text`.
    init(text: FoldedText) {
        self.text = text
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
                last + 1 < text.tokens.count, !isFollowedByProse(last + 1, kind: entry.kind, position: position)
            else { return nil }
            if position == .runningText && !gapAllowsSpokenHeader(before: index) { return nil }
            return DetectedHeader(kind: entry.kind, start: start, end: phraseEnd)
        case .punctuation:
            return nil
        }
    }

    /// Whether the words after a colon-less header word make it prose: a verb or preposition ("Befund ist …",
    /// "findings of …"), a predicate adjective that ends its clause or takes a preposition ("Befund stabil.",
    /// "findings unchanged from …"), or, in running text, a spoken header of another kind ("… osseous findings impression …").
    private func isFollowedByProse(_ next: Int, kind: SectionKind, position: Position) -> Bool {
        if SectionHeaderVocabulary.proseVerbs.contains(tokenAt: next, in: text)
            || SectionHeaderVocabulary.prosePrepositions.contains(tokenAt: next, in: text)
        {
            return true
        }
        if position == .runningText, let following = SectionHeaderVocabulary.headers.match(at: next, in: text),
            following.value.isSpokenHeader, following.value.kind != kind
        {
            return true
        }
        guard SectionHeaderVocabulary.prosePredicates.contains(tokenAt: next, in: text) else { return false }
        let after = next + 1
        return after >= text.tokens.count || text.tokens[after].clause != text.tokens[next].clause
            || SectionHeaderVocabulary.prosePrepositions.contains(tokenAt: after, in: text)
    }

    /// In running text only blanks or a comma may stand before a spoken header ("pt with sob, comparison none").
    private func gapAllowsSpokenHeader(before index: Int) -> Bool {
        (text.tokens[index - 1].end..<text.tokens[index].start).allSatisfy { position in
            CodeUnit.isBlank(text.units[position]) || text.units[position] == CodeUnit.comma
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
