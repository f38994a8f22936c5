import RadScribeCore

/// One normalisation of one text: walks the tokens once, left to right, and writes the output.
///
/// At each word the rules are tried in a fixed order: spinal level, quantity (numbers, decimals, dimensions,
/// units), phrase (scores, multi-word abbreviations, punctuation, line breaks, navigation and editing commands),
/// abbreviation; a word no rule takes is copied, capitalised when it starts a sentence.
struct DictationNormalizationPass {
    let vocabulary: DictationVocabulary
    let source: [UInt16]
    let tokens: [DictationToken]
    var output: NormalizationOutput

    init(text: String, vocabulary: DictationVocabulary) {
        let source = UTF16Transcoding.codeUnits(of: text)
        self.vocabulary = vocabulary
        self.source = source
        self.tokens = DictationTokenizer.tokenize(source, vocabulary: vocabulary)
        self.output = NormalizationOutput(source: source)
    }

    /// Normalises the whole text.
    mutating func run() -> NormalizedDictation {
        var position = 0
        while position < tokens.count {
            position = normalizeToken(at: position)
        }
        return output.makeResult()
    }

    /// Normalises the token at `position` (and any tokens a rule takes with it); returns the next token to look at.
    private mutating func normalizeToken(at position: Int) -> Int {
        let token = tokens[position]
        switch token.kind {
        case .space, .lineBreak:
            writeWhitespace(at: position)
        case .symbol:
            output.copy(token.start..<token.end, role: symbolRole(of: token))
        case .number:
            if let next = normalizeQuantity(at: position) { return next }
            output.copy(token.start..<token.end, role: .content(token: position))
        case .word:
            if let next = normalizeSpinalLevel(at: position) { return next }
            if let next = normalizeQuantity(at: position) { return next }
            if let next = applyPhrase(at: position) { return next }
            if !writeAbbreviation(at: position) { writeWord(at: position) }
        }
        return position + 1
    }

    // MARK: - Copying

    /// Copies whitespace, or lets the preceding command swallow it so that edits leave no doubled spaces.
    ///
    /// Spaces after a spoken "(", hyphen, slash or line break go, as does any whitespace after a removal or
    /// navigation command when the output is empty or already ends with whitespace.
    mutating func writeWhitespace(at position: Int) {
        let token = tokens[position]
        if let last = output.pieces.last {
            switch last.role {
            case .removal, .command:
                if output.isEmptyOrEndsWithWhitespace {
                    output.extendLastEdit(to: token.end)
                    return
                }
            case .opening(spoken: true), .joiner, .lineBreak(_, spoken: true):
                if token.kind == .space {
                    output.extendLastEdit(to: token.end)
                    return
                }
            default:
                break
            }
        }
        output.copy(token.start..<token.end, role: token.kind == .space ? .space : .lineBreak(count: token.lineBreaks, spoken: false))
    }

    private func symbolRole(of token: DictationToken) -> PieceRole {
        let mark = source[token.start]
        if mark == 0x28 { return .opening(spoken: false) }
        if mark == 0x29 || PieceRole.isClauseMark(mark) { return .punctuation(mark: mark, spoken: false) }
        return .content(token: nil)
    }

    /// Copies a word, capitalising its first letter at a sentence start.
    ///
    /// Words with a capital inside ("pH", "mRNA", "eGFR") keep their spelling. The capital is its own edit
    /// (rule `capitalization`) covering the first letter only.
    private mutating func writeWord(at position: Int) {
        let token = tokens[position]
        let word = token.start..<token.end
        guard let capital = UTF16Class.capitalized(source[token.start]),
            output.startsSentence(isAbbreviation: isAbbreviationOrNumber),
            !source[(token.start + 1)..<token.end].contains(where: UTF16Class.isUppercase)
        else {
            output.copy(word, role: .content(token: position))
            return
        }
        output.replace(token.start..<(token.start + 1), with: CollectionOfOne(capital), rule: .capitalization, role: .content(token: position))
        if token.end > token.start + 1 {
            output.copy((token.start + 1)..<token.end, role: .content(token: position))
        }
    }

    /// Writes a radiology abbreviation in its canonical case ("mrt" → "MRT", "Ekg" → "EKG"); `false` when the word is none here.
    ///
    /// Words that are abbreviations only before an imaging noun (English "mr", "pet") need one next on the line. A word
    /// already written canonically is copied without an edit.
    private mutating func writeAbbreviation(at position: Int) -> Bool {
        let token = tokens[position]
        guard token.roles.contains(.hasCanonicalSpelling), let spelling = entry(at: position).canonicalSpelling else { return false }
        if spelling.needsModalityContext && !roles(at: tokenOnLine(from: position + 1)).contains(.modalityContext) { return false }
        output.replace(token.start..<token.end, with: spelling.written, rule: .abbreviation, role: .content(token: position))
        return true
    }

    /// Whether a period typed after the token at `position` ends no sentence: after a number (ordinal "3."), a single
    /// letter ("z. B.", "e.g."), a listed abbreviation ("ca.", "Dr.") or a short capitalised word ("Ao.", "Lig.").
    private func isAbbreviationOrNumber(_ position: Int) -> Bool {
        let token = tokens[position]
        let length = token.end - token.start
        if token.kind == .number || length == 1 || token.roles.contains(.abbreviation) { return true }
        return length <= 3 && UTF16Class.isUppercase(source[token.start])
            && !source[(token.start + 1)..<token.end].contains(where: UTF16Class.isUppercase)
    }

    // MARK: - Token navigation

    /// The next token at or after `position` on the same line, skipping one run of spaces; `nil` at a line break or the end.
    func tokenOnLine(from position: Int) -> Int? {
        var next = position
        if next < tokens.count, tokens[next].kind == .space { next += 1 }
        guard next < tokens.count, tokens[next].kind != .lineBreak, tokens[next].kind != .space else { return nil }
        return next
    }

    /// The token before `position` on the same line, skipping one run of spaces.
    func tokenOnLine(before position: Int) -> Int? {
        var previous = position - 1
        if previous >= 0, tokens[previous].kind == .space { previous -= 1 }
        guard previous >= 0, tokens[previous].kind != .lineBreak else { return nil }
        return previous
    }

    func roles(at position: Int?) -> WordRoles {
        guard let position else { return [] }
        return tokens[position].roles
    }

    /// The original span of `range` of tokens.
    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        tokens[range.lowerBound].start..<tokens[range.upperBound - 1].end
    }

    /// The vocabulary entry of the word at `position`, which must have one.
    func entry(at position: Int) -> VocabularyEntry {
        vocabulary.entries[Int(tokens[position].entry)]
    }

    /// The end (exclusive token index) of a phrase spoken at `position` when `followingWords` follow its first word.
    func match(_ followingWords: [Int32], at position: Int) -> Int? {
        var end = position + 1
        for word in followingWords {
            guard let next = tokenOnLine(from: end), tokens[next].kind == .word, tokens[next].entry == word else { return nil }
            end = next + 1
        }
        return end
    }
}
