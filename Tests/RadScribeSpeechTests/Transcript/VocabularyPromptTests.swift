import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("VocabularyPrompt")
struct VocabularyPromptTests {
    private func terms(_ prompt: String) -> [String] {
        prompt.split(separator: ", ").map(String.init)
    }

    @Test(arguments: Language.allCases, [nil] + ExamType.allCases.map(Optional.some))
    func staysWithinLengthWithoutRepeats(language: Language, examType: ExamType?) {
        let prompt = VocabularyPrompt.make(language: language, examType: examType)
        #expect(prompt.count <= VocabularyPrompt.maximumLength)
        #expect(prompt.count > VocabularyPrompt.maximumLength / 2)
        let list = terms(prompt)
        #expect(Set(list.map { $0.lowercased() }).count == list.count)
        #expect(list.allSatisfy { !$0.isEmpty && $0 == $0.trimmingPrefix(" ") })
        #expect(VocabularyPrompt.make(language: language, examType: examType) == prompt)
    }

    @Test func picksTermsOfTheExamTypeInTheDictationLanguage() {
        let german = terms(VocabularyPrompt.make(language: .de, examType: .mammography))
        #expect(german.starts(with: ["BI-RADS", "Mammographie"]))
        #expect(german.contains("Mikrokalk"))
        #expect(!german.contains("microcalcification"))
        let english = terms(VocabularyPrompt.make(language: .en, examType: .mammography))
        #expect(english.contains("microcalcification"))
        #expect(!english.contains("Mikrokalk"))
        let spine = terms(VocabularyPrompt.make(language: .de, examType: .spineMRI))
        #expect(spine.contains("Bandscheibenvorfall"))
        #expect(!spine.contains("Mikrokalk"))
    }

    @Test func usesGeneralTermsWithoutExamType() {
        let prompt = VocabularyPrompt.make(language: .de, examType: nil)
        #expect(prompt == VocabularyPrompt.make(language: .de, examType: .general))
        #expect(terms(prompt).contains("Pneumothorax"))
    }

    @Test func putsExtraTermsFirstWithoutBlanksOrRepeats() {
        let prompt = VocabularyPrompt.make(language: .de, examType: .mammography, extraTerms: ["  Dr.   Hoffmann ", "", "bi-rads", "Mikrokalk", " "])
        let list = terms(prompt)
        #expect(list.starts(with: ["Dr. Hoffmann", "bi-rads", "Mikrokalk", "Mammographie"]))
        #expect(!list.contains("BI-RADS"))
        #expect(prompt.count <= VocabularyPrompt.maximumLength)
    }

    @Test func stopsBeforeTheTermThatWouldPassTheLimit() {
        let long = String(repeating: "Spondylodiszitis ", count: 40).split(separator: " ").enumerated().map { "\($1)\($0)" }
        let prompt = VocabularyPrompt.make(language: .en, examType: .ctScan, extraTerms: long)
        #expect(prompt.count <= VocabularyPrompt.maximumLength)
        #expect(prompt.count > VocabularyPrompt.maximumLength - 20)
        #expect(terms(prompt).allSatisfy { $0.hasPrefix("Spondylodiszitis") })
        #expect(VocabularyPrompt.make(language: .en, examType: nil, extraTerms: [String(repeating: "x", count: 601)]).isEmpty)
    }
}
