import RadScribeCore

extension DictationNormalizationPass {
    /// Applies the longest phrase spoken at `position` that is not ordinary text here; returns the next token, or `nil`.
    ///
    /// A command word is ordinary text:
    /// - after a word with one of the phrase's `literalAfter` roles (words that belong to a preceding command do not
    ///   count: "scratch that period"): a determiner ("der Punkt", "a period of", "the colon"; not German "ein", which
    ///   ends sentences as a verb particle: "setzt früh ein Punkt"), for "Punkt"/"period" a noun modifier ("am höchsten
    ///   Punkt", "postoperative period", "a 3 month period"), for English "colon" a preposition or anatomical modifier
    ///   ("in colon", "sigmoid colon", "small bowel and colon"). Other prepositions do not count, as sentences end in
    ///   them ("as before period", "nimmt zu Punkt");
    /// - before a word with one of its `literalBefore` roles: for "Punkt"/"period" "of" or a finite verb, as
    ///   sentences do not start with them ("period of three months", "ein weiterer Punkt ist"), and German "Punkt"
    ///   before written digits ("aus Punkt 1");
    /// - for marks written against the previous word, when nothing precedes on the line ("Punktion" and "Kommastelle"
    ///   are other words anyway);
    /// - for English "colon", unless a section heading precedes ("findings colon") or the line ends, or a capitalised
    ///   word, a number or a mark follows ("… colon No acute …").
    mutating func applyPhrase(at position: Int) -> Int? {
        guard tokens[position].roles.contains(.startsPhrase) else { return nil }
        for phrase in entry(at: position).phrases {
            guard let end = match(phrase.followingWords, at: position), !isLiteral(phrase, from: position, to: end) else { continue }
            perform(phrase.action, tokens: position..<end)
            return end
        }
        return nil
    }

    private func isLiteral(_ phrase: PhraseRule, from start: Int, to end: Int) -> Bool {
        let previous = output.followsCommand ? nil : tokenOnLine(before: start)
        if !roles(at: previous).isDisjoint(with: phrase.literalAfter) { return true }
        if !roles(at: tokenOnLine(from: end)).isDisjoint(with: phrase.literalBefore) { return true }
        guard case .punctuation(let command) = phrase.action else { return false }
        if command.attachment != .nextWord && !output.hasContentOnCurrentLine { return true }
        if command.literalBeforeDigits, let next = tokenOnLine(from: end), tokens[next].kind == .number { return true }
        if command.needsHeadingOrBreak {
            return !roles(at: previous).contains(.sectionHeading) && !startsNewStatement(at: end)
        }
        return false
    }

    /// Whether the line ends at `position` or a capitalised word, a number or a mark follows.
    private func startsNewStatement(at position: Int) -> Bool {
        guard let next = tokenOnLine(from: position) else { return true }
        let token = tokens[next]
        return token.kind != .word || UTF16Class.isUppercase(source[token.start])
    }

    private mutating func perform(_ action: PhraseAction, tokens range: Range<Int>) {
        let spoken = sourceRange(range)
        switch action {
        case .punctuation(let command):
            writePunctuation(command, spoken: spoken)
        case .lineBreak(let count, let rule):
            let start = output.removeTrailingSpaces() ?? spoken.lowerBound
            output.replace(start..<spoken.upperBound, with: Self.lineBreaks(count), rule: rule, role: .lineBreak(count: count, spoken: true))
        case .navigation(let name, let rule, let lineBreaks):
            let start = output.removeTrailingSpaces() ?? spoken.lowerBound
            output.replace(start..<spoken.upperBound, with: Self.lineBreaks(lineBreaks), rule: rule, role: .command)
            output.record(DictationCommand(name: name, source: TextSpan(start: spoken.lowerBound, end: spoken.upperBound)))
        case .scratchThat:
            output.removePreviousPhrase(command: spoken)
        case .deleteLastWord:
            output.removeLastWord(command: spoken)
        case .writtenForm(let written, let rule):
            output.replace(spoken, with: written.utf16, rule: rule, role: .content(token: nil))
        }
    }

    private mutating func writePunctuation(_ command: PunctuationCommand, spoken: Range<Int>) {
        let mark = CollectionOfOne(command.mark)
        switch command.attachment {
        case .previousWord:
            let start = output.removeTrailingSpaces() ?? spoken.lowerBound
            output.replace(
                start..<spoken.upperBound,
                with: mark,
                rule: .punctuation,
                role: .punctuation(mark: command.mark, spoken: true)
            )
        case .nextWord:
            output.replace(spoken, with: mark, rule: .punctuation, role: .opening(spoken: true))
        case .bothWords:
            let start = output.removeTrailingSpaces() ?? spoken.lowerBound
            output.replace(start..<spoken.upperBound, with: mark, rule: .punctuation, role: .joiner)
        }
    }

    private static func lineBreaks(_ count: Int) -> [UInt16] {
        Array(repeating: 0x0A, count: count)
    }
}
