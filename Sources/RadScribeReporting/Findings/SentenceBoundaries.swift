/// The rules that decide whether a punctuation token ends a sentence, and which tokens mark list items.
enum SentenceBoundaries {
    /// Punctuation that stays with the sentence it follows: closing brackets and quotes, repeated marks ("...", "?!").
    static let closingPunctuation: Set<String> = [".", "!", "?", ")", "]", "\"", "'", "»", "«"]

    /// Symbols that mark an item of a bulleted list.
    private static let bullets: Set<String> = ["-", "•", "*", "–", "—", "·", "▪", "‣", "◦", ">"]

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
        let token = tokens[index]
        if token.kind == .symbol, bullets.contains(token.key) {
            return index + 1 < limit && tokens[index + 1].spaceBefore ? 1 : 0
        }
        let isEnumerator = (token.kind == .number && token.key.utf8.count <= 2) || (token.kind == .word && token.key.utf8.count == 1)
        guard isEnumerator, index + 2 < limit else { return 0 }
        let mark = tokens[index + 1]
        let isMark = mark.key == ")" || (mark.key == "." && token.kind == .number)
        return isMark && !mark.spaceBefore && tokens[index + 2].spaceBefore ? 2 : 0
    }

    /// Whether the symbol at `index` ends the sentence that started at `sentenceStart`.
    static func endsSentence(at index: Int, in tokens: [Token], sentenceStart: Int, limit: Int) -> Bool {
        switch tokens[index].key {
        case "!", "?", "…": return true
        case ".": break
        default: return false
        }
        guard index > sentenceStart, !tokens[index].spaceBefore else { return true }
        let previous = tokens[index - 1]
        let next = index + 1 < limit ? tokens[index + 1] : nil
        if let next, !next.spaceBefore, next.kind != .symbol { return false }
        switch previous.kind {
        case .number: return numberEndsSentence(before: index, in: tokens, sentenceStart: sentenceStart, next: next)
        case .word: return wordEndsSentence(before: index, in: tokens, sentenceStart: sentenceStart, limit: limit, next: next)
        case .symbol: return true
        }
    }

    private static func numberEndsSentence(before index: Int, in tokens: [Token], sentenceStart: Int, next: Token?) -> Bool {
        guard let next, !next.lineBreakBefore else { return true }
        if next.kind == .word, !next.startsUppercase { return false }
        guard index - 2 >= sentenceStart else { return true }
        let beforeNumber = tokens[index - 2]
        if ordinalIntroducers.contains(beforeNumber.key) { return false }
        // "5.-7. Rippe": the second number of an ordinal range.
        return !(beforeNumber.key == "-" && index - 3 >= sentenceStart && tokens[index - 3].key == ".")
    }

    private static func wordEndsSentence(before index: Int, in tokens: [Token], sentenceStart: Int, limit: Int, next: Token?) -> Bool {
        let word = tokens[index - 1].key
        let nextStartsSentence = next.map { $0.lineBreakBefore || ($0.kind == .word && $0.startsUppercase) } ?? true
        if medialAbbreviations.contains(word) { return false }
        if index - 3 >= sentenceStart, tokens[index - 2].key == ".", !tokens[index - 2].spaceBefore, tokens[index - 3].kind == .word {
            let pair = [tokens[index - 3].key, word]
            if medialPairs.contains(pair) { return false }
            if finalPairs.contains(pair) { return nextStartsSentence }
        }
        if word.utf8.count == 1, index + 2 < limit, tokens[index + 1].kind == .word, tokens[index + 2].key == "." {
            let pair = [word, tokens[index + 1].key]
            if medialPairs.contains(pair) || finalPairs.contains(pair) { return false }
        }
        if finalAbbreviations.contains(word) { return nextStartsSentence }
        if prenominalAbbreviations.contains(word) || word.utf8.count == 1 {
            return nextStartsSentence && (next.map { $0.lineBreakBefore || sentenceStarters.contains($0.key) } ?? true)
        }
        return true
    }
}
