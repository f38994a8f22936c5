/// The rules that decide whether a punctuation token ends a sentence, and which tokens mark list items.
enum SentenceBoundaries {
    /// Non-ASCII symbols that mark an item of a bulleted list (ASCII ones: "-", "*", ">").
    private static let bullets: Set<String> = ["•", "–", "—", "·", "▪", "‣", "◦"]

    /// Abbreviations that never end a sentence (folded, without their full stop).
    private static let medialAbbreviations: Set<String> = [
        "ca", "dr", "prof", "nr", "vs", "approx", "bzw", "ggf", "evtl", "inkl", "exkl", "sog", "vgl", "max", "min", "mind",
        "st", "lt", "bzgl", "entspr", "abb", "ref", "fig", "incl", "resp", "med", "dipl", "priv", "doz", "univ", "cf", "al",
    ]
    /// Abbreviations that often end a sentence: they end one when a capitalised word follows.
    private static let finalAbbreviations: Set<String> = ["bds", "etc", "usw", "ff"]
    /// Abbreviations that usually stand before a noun ("re. Unterlappen", "li. Niere") and single letters ("Typ B."):
    /// they end a sentence only before a word that typically starts one.
    private static let prenominalAbbreviations: Set<String> = ["li", "re"]
    /// Words that typically start a sentence: articles, negations, prepositions, pronouns, sentence adverbs.
    private static let sentenceStarters: Set<String> = [
        "kein", "keine", "keinen", "keinerlei", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "es", "im", "in",
        "am", "an", "auf", "bei", "nach", "mit", "ohne", "zur", "zum", "vom", "von", "hier", "dort", "sonst", "ansonsten",
        "zudem", "ausserdem", "ferner", "weiterhin", "daneben", "dabei", "zusaetzlich", "insgesamt", "v", "z",
        "no", "the", "there", "a", "this", "these", "it", "on", "at", "otherwise", "also", "again", "unchanged",
    ]
    /// Two-part abbreviations ("z. B.") that never end a sentence.
    private static let medialPairs: Set<[String]> = [
        ["z", "b"], ["v", "a"], ["z", "n"], ["e", "g"], ["i", "e"], ["d", "h"], ["u", "a"], ["o", "g"], ["z", "t"],
        ["m", "e"], ["i", "s"], ["a", "e"], ["u", "u"], ["i", "v"], ["p", "o"], ["s", "c"], ["i", "m"], ["st", "p"],
    ]
    /// Two-part abbreviations that often end a sentence ("Lunge o. B.", "Thorax p. a.").
    private static let finalPairs: Set<[String]> = [["o", "b"], ["s", "o"], ["s", "u"], ["a", "p"], ["p", "a"], ["o", "ae"], ["u", "ae"]]
    /// Words after which a number with a full stop is a German ordinal ("der 7. Rippe", "am 3. Tag").
    private static let ordinalIntroducers: Set<String> = [
        "der", "die", "das", "dem", "den", "des", "am", "im", "vom", "zum", "zur", "beim", "ab", "bis", "und", "oder", "sowie",
        "bzw", "seit", "ein", "eine", "einer", "eines", "einem", "einen", "jede", "jeder", "jeden", "jedes",
    ]

    /// The number of tokens of a list marker at `index` ("-", "•", "1.", "2)", "a)"), or 0 when there is none.
    static func listMarkerLength(at index: Int, in tokens: [Token], limit: Int) -> Int {
        let kind = tokens[index].kind
        let length = tokens[index].key.utf8.count
        if kind == .symbol {
            let isBullet = symbolByte(tokens[index].key).map { "-*>".utf8.contains($0) } ?? bullets.contains(tokens[index].key)
            return isBullet && index + 1 < limit && tokens[index + 1].spaceBefore ? 1 : 0
        }
        guard (kind == .number && length <= 2) || (kind == .word && length == 1), index + 2 < limit else { return 0 }
        let mark = symbolByte(tokens[index + 1].key)
        let isMark = mark == UInt8(ascii: ")") || (mark == UInt8(ascii: ".") && kind == .number)
        return isMark && !tokens[index + 1].spaceBefore && tokens[index + 2].spaceBefore ? 2 : 0
    }

    /// Whether the token at `index` is punctuation that stays with the sentence it follows: closing brackets and
    /// quotes, repeated marks ("...", "?!").
    static func isClosingPunctuation(at index: Int, in tokens: [Token]) -> Bool {
        guard tokens[index].kind == .symbol else { return false }
        guard let byte = symbolByte(tokens[index].key) else { return tokens[index].key == "»" || tokens[index].key == "«" }
        return ".!?)]\"'".utf8.contains(byte)
    }

    /// The byte of a one-byte (ASCII) symbol key, `nil` for longer keys.
    private static func symbolByte(_ key: String) -> UInt8? {
        var utf8 = key.utf8.makeIterator()
        guard let first = utf8.next(), first < 0x80, utf8.next() == nil else { return nil }
        return first
    }

    /// The folded key of the list marker that follows `marker` ("1" → "2", "a" → "b"), `nil` for bullets.
    static func enumerator(after marker: Token) -> String? {
        switch marker.kind {
        case .number: return Int(marker.key).map { String($0 + 1) }
        case .word: return marker.key.unicodeScalars.first.flatMap { Unicode.Scalar($0.value + 1) }.map { String(Character($0)) }
        case .symbol: return nil
        }
    }

    /// Whether the symbol at `index` ends the sentence that started at `sentenceStart`.
    static func endsSentence(at index: Int, in tokens: [Token], sentenceStart: Int, limit: Int) -> Bool {
        switch symbolByte(tokens[index].key) {
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return true
        case UInt8(ascii: "."): break
        case nil: return tokens[index].key == "…"
        default: return false
        }
        guard index > sentenceStart, !tokens[index].spaceBefore else { return true }
        let next = index + 1 < limit ? index + 1 : nil
        if let next, !tokens[next].spaceBefore, tokens[next].kind != .symbol { return false }
        switch tokens[index - 1].kind {
        case .number: return numberEndsSentence(before: index, in: tokens, sentenceStart: sentenceStart, next: next)
        case .word: return wordEndsSentence(before: index, in: tokens, sentenceStart: sentenceStart, limit: limit, next: next)
        case .symbol: return true
        }
    }

    /// The longest abbreviation in the tables; longer words skip the lookups.
    private static let longestAbbreviation = medialAbbreviations.union(finalAbbreviations).map(\.utf8.count).max() ?? 0

    private static func numberEndsSentence(before index: Int, in tokens: [Token], sentenceStart: Int, next: Int?) -> Bool {
        guard let next, !tokens[next].lineBreakBefore else { return true }
        if tokens[next].kind == .word, !tokens[next].startsUppercase { return false }
        guard index - 2 >= sentenceStart else { return true }
        if ordinalIntroducers.contains(tokens[index - 2].key) { return false }
        // "5.-7. Rippe": the second number of an ordinal range.
        return !(tokens[index - 2].key == "-" && index - 3 >= sentenceStart && tokens[index - 3].key == ".")
    }

    private static func wordEndsSentence(before index: Int, in tokens: [Token], sentenceStart: Int, limit: Int, next: Int?) -> Bool {
        let word = tokens[index - 1].key
        let length = word.utf8.count
        guard length <= longestAbbreviation else { return true }
        let nextStartsSentence = next.map { tokens[$0].lineBreakBefore || (tokens[$0].kind == .word && tokens[$0].startsUppercase) } ?? true
        if medialAbbreviations.contains(word) { return false }
        if length <= 2, index - 3 >= sentenceStart, tokens[index - 2].key == ".", !tokens[index - 2].spaceBefore, tokens[index - 3].kind == .word {
            let pair = [tokens[index - 3].key, word]
            if medialPairs.contains(pair) { return false }
            if finalPairs.contains(pair) { return nextStartsSentence }
        }
        if length == 1, let next, next + 1 < limit, tokens[next].kind == .word, tokens[next + 1].key == "." {
            let pair = [word, tokens[next].key]
            if medialPairs.contains(pair) || finalPairs.contains(pair) { return false }
        }
        if finalAbbreviations.contains(word) { return nextStartsSentence }
        if length == 1 || prenominalAbbreviations.contains(word) {
            return nextStartsSentence && (next.map { tokens[$0].lineBreakBefore || sentenceStarters.contains(tokens[$0].key) } ?? true)
        }
        return true
    }
}
