import RadScribeCore

/// The negation and uncertainty cues of one language, stored in a token trie for longest-match scanning.
///
/// Phrases are stored by their folded token keys (see ``Tokenizer/keys(of:)``), so case, umlaut spelling and
/// the full stops of abbreviations do not matter: "V. a.", "V.a." and "va" are one cue, and so are
/// "nicht auszuschließen" and "nicht auszuschliessen". The longest phrase wins, which is how pseudo-triggers
/// work: "keine wesentliche Befundänderung" is one phrase, so its "keine" negates nothing after it.
struct AssertionVocabulary: Sendable {
    /// The German cues.
    static let german = AssertionVocabulary(groups: germanGroups)
    /// The English cues.
    static let english = AssertionVocabulary(groups: englishGroups)

    /// The cues of `language`.
    static func forLanguage(_ language: Language) -> AssertionVocabulary {
        language == .de ? german : english
    }

    /// The cue phrases by their token keys.
    let trie: PhraseTrie<AssertionTrigger>

    /// Builds the trie from groups of phrases that share a trigger; a phrase listed twice keeps its first trigger.
    init(groups: [(AssertionTrigger, [String])]) {
        var trie = PhraseTrie<AssertionTrigger>()
        for (trigger, phrases) in groups {
            for phrase in phrases {
                var trigger = trigger
                trigger.endsWithFullStop = phrase.hasSuffix(".")
                trie.insert(Tokenizer.keys(of: phrase), value: trigger)
            }
        }
        self.trie = trie
    }

    /// A German adjective with its inflected forms: "fraglich" → "fragliche", "fraglicher", "fraglichen", ….
    static func germanAdjective(_ word: String) -> [String] {
        TermInflector.germanAdjectiveForms(word)
    }

    /// Every combination of a negating word and a change phrase: "keine" + "Befundänderung", "no" + "interval change".
    static func combinations(of negators: [String], with changes: [String]) -> [String] {
        negators.flatMap { negator in changes.map { "\(negator) \($0)" } }
    }
}
