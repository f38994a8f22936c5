import RadScribeCore

/// The negation and uncertainty cues of one language, stored in a token trie for longest-match scanning.
///
/// Phrases are stored by their folded token keys (see ``Tokenizer/keys(of:)``), so case, umlaut spelling and
/// the full stops of abbreviations do not matter: "V. a.", "V.a." and "va" are one cue, and so are
/// "nicht auszuschließen" and "nicht auszuschliessen". The longest phrase wins, which is how pseudo-triggers
/// work: "nicht nur" is one phrase, so its "nicht" negates nothing.
///
/// A negation followed by a change word ("keine wesentliche Befundänderung", "no significant interval change",
/// "kein Hinweis auf eine Größenzunahme") negates the change only; the change words and the qualifiers that may
/// stand between ("wesentlich", "eine", "significant", "interval") are kept as sets of inflected forms.
struct AssertionVocabulary: Sendable {
    /// The German cues.
    static let german = AssertionVocabulary(
        groups: germanGroups,
        changeWords: germanChangeWords,
        changeQualifiers: germanChangeQualifiers,
        language: .de
    )
    /// The English cues.
    static let english = AssertionVocabulary(
        groups: englishGroups,
        changeWords: englishChangeWords,
        changeQualifiers: englishChangeQualifiers,
        language: .en
    )

    /// The cues of `language`.
    static func forLanguage(_ language: Language) -> AssertionVocabulary {
        language == .de ? german : english
    }

    /// The cue phrases by their token keys.
    let trie: PhraseTrie<AssertionTrigger>
    /// Folded forms of the words that describe change over time ("befundaenderung", "zunahme", "change").
    let changeWords: Set<String>
    /// Folded forms of the words that may stand between a negation and a change word ("wesentliche", "significant").
    let changeQualifiers: Set<String>

    /// Builds the vocabulary; a phrase listed twice keeps its first trigger, and words are inflected as lexicon terms are.
    init(groups: [(AssertionTrigger, [String])], changeWords: [String], changeQualifiers: [String], language: Language) {
        var trie = PhraseTrie<AssertionTrigger>()
        for (trigger, phrases) in groups {
            for phrase in phrases {
                var trigger = trigger
                trigger.endsWithFullStop = phrase.hasSuffix(".")
                trie.insert(Tokenizer.keys(of: phrase), value: trigger)
            }
        }
        self.trie = trie
        self.changeWords = Self.inflectedForms(of: changeWords, language: language)
        self.changeQualifiers = Self.inflectedForms(of: changeQualifiers, language: language)
    }

    private static func inflectedForms(of words: [String], language: Language) -> Set<String> {
        var forms: Set<String> = []
        for word in words {
            let tokens = Tokenizer.tokens(of: word, utf8Range: 0..<word.utf8.count, utf16Start: 0).filter { !$0.isTransparent }
            for variant in TermInflector.variants(of: tokens, language: language) { forms.formUnion(variant) }
        }
        return forms
    }

    /// A German adjective with its inflected forms: "fraglich" → "fragliche", "fraglicher", "fraglichen", ….
    static func germanAdjective(_ word: String) -> [String] {
        TermInflector.germanAdjectiveForms(word)
    }

}
