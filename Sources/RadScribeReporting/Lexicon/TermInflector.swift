import RadScribeCore

/// Generates the regular inflections of a lexicon term, so the file lists base forms only.
///
/// German: capitalised nouns get `-e/-n/-en/-s/-es` (and `-us/-um/-a → -en`, `-us → -i`): "Zyste" → "Zysten",
/// "Infiltrat" → "Infiltrate", "Thrombus" → "Thromben"; lower-case words (adjectives, participles) get the
/// adjective endings `-e/-er/-en/-em/-es` on the listed form and on its stem: "freie Luft" → "freier Luft".
/// English: the last word gets its plural forms: "nodule" → "nodules", "metastasis" → "metastases",
/// "embolus" → "emboli", "diverticulum" → "diverticula", "vertebra" → "vertebrae", "cortex" → "cortices".
/// Abbreviations in capitals and words shorter than three letters are left alone. Umlaut plurals ("Ergüsse")
/// are irregular and listed in the file.
enum TermInflector {
    /// The most variants generated for one term (adjective–noun combinations multiply).
    static let maximumVariants = 96

    /// All forms of a term given as its (non-transparent) tokens, the listed form first.
    static func variants(of tokens: [Token], language: Language) -> [[String]] {
        let lastIndex = tokens.count - 1
        let forms: [[String]] = tokens.enumerated().map { index, token in
            guard token.kind == .word, token.key.utf8.count >= 3, !token.isAllUppercase else { return [token.key] }
            switch language {
            case .de:
                if !token.startsUppercase { return germanAdjectiveForms(token.key) }
                return index == lastIndex ? germanNounForms(token.key) : [token.key]
            case .en:
                return index == lastIndex ? englishPluralForms(token.key) : [token.key]
            }
        }
        var result: [[String]] = [[]]
        for options in forms {
            var next: [[String]] = []
            for prefix in result {
                for option in options where next.count < maximumVariants {
                    next.append(prefix + [option])
                }
            }
            result = next
        }
        return result
    }

    private static let germanAdjectiveEndings = ["e", "er", "en", "em", "es"]

    static func germanAdjectiveForms(_ word: String) -> [String] {
        var stems = [word]
        for ending in germanAdjectiveEndings.reversed() where word.hasSuffix(ending) && word.count > ending.count + 2 {
            stems.append(String(word.dropLast(ending.count)))
            break
        }
        if word.hasSuffix("el") { stems.append(String(word.dropLast(2)) + "l") }
        var forms: [String] = []
        for stem in stems {
            for form in [stem] + germanAdjectiveEndings.map({ stem + $0 }) where !forms.contains(form) {
                forms.append(form)
            }
        }
        return forms
    }

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
