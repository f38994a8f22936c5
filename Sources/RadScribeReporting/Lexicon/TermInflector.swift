import RadScribeCore

/// Generates the regular inflections of a lexicon term, so the file lists base forms only.
///
/// German: capitalised nouns get `-e/-n/-en/-s/-es` (and `-us/-um/-a → -en`, `-us → -i`): "Zyste" → "Zysten",
/// "Infiltrat" → "Infiltrate", "Thrombus" → "Thromben"; the lower-case words (adjectives, participles) of a term
/// take the adjective endings `-e/-er/-en/-em/-es` together: "freie Luft" → "freier Luft", "oberer äußerer
/// Quadrant" → "oberen äußeren Quadranten".
/// English: the last word gets its plural forms: "nodule" → "nodules", "metastasis" → "metastases",
/// "embolus" → "emboli", "diverticulum" → "diverticula", "vertebra" → "vertebrae", "cortex" → "cortices".
/// Abbreviations in capitals and words shorter than three letters are left alone. Umlaut plurals ("Ergüsse")
/// are irregular and listed in the file.
enum TermInflector {
    /// The most variants generated for one term (adjective–noun combinations multiply).
    static let maximumVariants = 256

    /// All forms of a term given as its (non-transparent) tokens, the listed form first.
    static func variants(of tokens: [Token], language: Language) -> [[String]] {
        let listed = tokens.map(\.key)
        switch language {
        case .de: return germanVariants(of: tokens, listed: listed)
        case .en: return englishVariants(of: tokens, listed: listed)
        }
    }

    /// Whether a token changes its form at all: words of three letters or more, not abbreviations in capitals.
    private static func isInflectable(_ token: Token) -> Bool {
        token.kind == .word && token.key.utf8.count >= 3 && !token.isAllUppercase
    }

    /// German: the adjectives of a noun phrase share their ending ("oberer äußerer Quadrant", "oberen äußeren
    /// Quadranten"), so they are inflected together, one ending at a time; the capitalised last word gets its
    /// noun forms independently. With several adjectives a word may also stay as listed, for adverbs
    /// ("neu aufgetretene Läsion" → "neu aufgetretener Herd").
    private static func germanVariants(of tokens: [Token], listed: [String]) -> [[String]] {
        let lastIndex = tokens.count - 1
        let adjectives = tokens.indices.filter { index in
            isInflectable(tokens[index]) && !tokens[index].startsUppercase && !germanFunctionWords.contains(tokens[index].key)
        }
        var result = [listed]
        var seen: Set<[String]> = [listed]
        for ending in [""] + germanAdjectiveEndings {
            let options: [[String]] = tokens.enumerated().map { index, token in
                if adjectives.contains(index) {
                    return germanAdjectiveForms(token.key, ending: ending, keepingListed: adjectives.count > 1)
                }
                guard index == lastIndex, token.startsUppercase, isInflectable(token) else { return [token.key] }
                return germanNounForms(token.key)
            }
            for combination in combinations(of: options, limit: maximumVariants) where seen.insert(combination).inserted {
                guard result.count < maximumVariants else { return result }
                result.append(combination)
            }
        }
        return result
    }

    /// English: the last word gets its plural forms.
    private static func englishVariants(of tokens: [Token], listed: [String]) -> [[String]] {
        guard let last = tokens.last, isInflectable(last) else { return [listed] }
        let stem = listed.dropLast()
        return englishPluralForms(last.key).map { stem + [$0] }
    }

    /// Every choice of one option per position, in order, at most `limit` of them.
    private static func combinations(of options: [[String]], limit: Int) -> [[String]] {
        var result: [[String]] = [[]]
        for choices in options {
            var next: [[String]] = []
            for prefix in result {
                for choice in choices where next.count < limit {
                    next.append(prefix + [choice])
                }
            }
            result = next
        }
        return result
    }

    /// Articles and prepositions inside terms ("Kompression der Nervenwurzel") keep their form.
    private static let germanFunctionWords: Set<String> = ["der", "die", "das", "des", "dem", "den", "mit", "und", "von", "vom", "zur", "zum"]

    private static let germanAdjectiveEndings = ["e", "er", "en", "em", "es"]

    /// All adjective forms of a German word: the listed form and its stems with every ending.
    static func germanAdjectiveForms(_ word: String) -> [String] {
        var forms: [String] = []
        for stem in germanAdjectiveStems(word) {
            for form in [stem] + germanAdjectiveEndings.map({ stem + $0 }) where !forms.contains(form) {
                forms.append(form)
            }
        }
        return forms
    }

    /// The forms of a German adjective with one `ending` ("" for the bare stem): on its stem without an
    /// inflection ending ("freie" → "frei-"), on the listed word where that ending may belong to the stem
    /// ("schwer", "offen", "dunkel"), and the listed word itself if `keepingListed`.
    private static func germanAdjectiveForms(_ word: String, ending: String, keepingListed: Bool) -> [String] {
        var forms: [String] = []
        for stem in germanAdjectiveStems(word) where !forms.contains(stem + ending) {
            forms.append(stem + ending)
        }
        if keepingListed, !forms.contains(word) { forms.append(word) }
        return forms
    }

    /// The stems a German adjective's endings attach to: without an inflection ending ("freie" → "frei"),
    /// the listed word itself where the ending may be part of the stem ("schwer", "offen") or where there is
    /// none ("akut"), and "-el" words without their "e" ("dunkel" → "dunkl").
    private static func germanAdjectiveStems(_ word: String) -> [String] {
        var stems: [String] = []
        if let ending = germanAdjectiveEndings.reversed().first(where: { word.hasSuffix($0) && word.count > $0.count + 2 }) {
            stems.append(String(word.dropLast(ending.count)))
            if ending == "er" || ending == "en" { stems.append(word) }
        } else {
            stems.append(word)
        }
        if word.hasSuffix("el") { stems.append(String(word.dropLast(2)) + "l") }
        return stems
    }

    /// The regular forms of a German noun: `-e/-n/-en/-s/-es`, and Latin `-us/-um/-a → -en`, `-us → -i`.
    static func germanNounForms(_ word: String) -> [String] {
        var forms = [word] + ["e", "n", "en", "s", "es"].map { word + $0 }
        if word.hasSuffix("us") || word.hasSuffix("um") {
            let stem = String(word.dropLast(2))
            forms.append(stem + "en")
            if word.hasSuffix("us") { forms.append(stem + "i") }
        } else if word.hasSuffix("a") {
            forms.append(String(word.dropLast()) + "en")
        }
        return forms
    }

    /// An English word and its regular and Latin/Greek plural forms.
    static func englishPluralForms(_ word: String) -> [String] {
        var forms = [word, word + "s", word + "es"]
        let stem2 = String(word.dropLast(2))
        if word.hasSuffix("y"), let beforeLast = word.dropLast().last, !"aeiou".contains(beforeLast) {
            forms.append(String(word.dropLast()) + "ies")
        }
        if word.hasSuffix("is") { forms.append(stem2 + "es") }
        if word.hasSuffix("us") { forms.append(stem2 + "i") }
        if word.hasSuffix("um") { forms.append(stem2 + "a") }
        if word.hasSuffix("ex") || word.hasSuffix("ix") { forms.append(stem2 + "ices") }
        if word.hasSuffix("a") { forms.append(word + "e") }
        return forms
    }
}
