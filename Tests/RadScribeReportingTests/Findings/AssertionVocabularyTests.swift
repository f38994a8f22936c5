import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("AssertionVocabulary")
struct AssertionVocabularyTests {
    @Test(arguments: Language.allCases)
    func everyListedPhraseKeepsTheTriggerOfItsGroup(_ language: Language) {
        let groups = language == .de ? AssertionVocabulary.germanGroups : AssertionVocabulary.englishGroups
        let vocabulary = AssertionVocabulary.forLanguage(language)
        for (trigger, phrases) in groups {
            for phrase in phrases {
                let stored = vocabulary.trie.value(for: Tokenizer.keys(of: phrase))
                #expect(stored?.effect == trigger.effect, "\(phrase)")
                #expect(stored?.direction == trigger.direction, "\(phrase)")
            }
        }
    }

    @Test func changeWordsIncludeTheirInflectedForms() {
        #expect(AssertionVocabulary.german.changeWords.isSuperset(of: ["befundaenderung", "veraenderungen", "veraenderte", "zunahme"]))
        #expect(AssertionVocabulary.german.changeQualifiers.isSuperset(of: ["wesentliche", "wesentlichen", "eindeutiger"]))
        #expect(AssertionVocabulary.english.changeWords.isSuperset(of: ["change", "changes", "increase"]))
    }
}
