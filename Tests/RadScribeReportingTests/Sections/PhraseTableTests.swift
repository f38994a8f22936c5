import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Phrase table")
struct PhraseTableTests {
    private let table = PhraseTable<Int>([
        "befund": 1, "klinische angaben": 2, "klinische": 3, "hypokinetisch*": 4, "*metastase*": 5, "leber+": 6, "bi-rads": 7,
        "follow up": 8,
    ])

    private func match(_ text: String, at index: Int = 0) -> (value: Int, tokens: Int)? {
        table.match(at: index, in: FoldedText(text)).map { ($0.value, $0.tokenCount) }
    }

    @Test func prefersTheLongestPhrase() {
        #expect(match("Klinische Angaben:")! == (2, 2))
        #expect(match("klinische Daten")! == (3, 1))
    }

    @Test func matchesInflectedFormsOnlyOfMarkedWords() {
        #expect(match("hypokinetischen")?.value == 4)
        #expect(match("hypokinetisch")?.value == 4)
        #expect(match("befunde") == nil)
        #expect(match("hypokinetischkeit") == nil)
    }

    @Test func matchesCompoundHeadsAndPrefixes() throws {
        let head = try #require(table.match(at: 0, in: FoldedText("Lebermetastasen")))
        #expect(head.value == 5)
        #expect(head.isPartOfCompound)
        #expect(match("Metastase") == nil, "a compound head needs a word in front of it")
        #expect(match("Leberzyste")?.value == 6)
        #expect(match("Lebe") == nil)
    }

    @Test func joinsPhraseWordsAcrossHyphensAndBlanksButNotLineBreaks() {
        #expect(match("BI-RADS 4")! == (7, 2))
        #expect(match("Follow-up")! == (8, 2))
        #expect(match("follow\nup") == nil)
        #expect(match("follow. up") == nil)
    }
}
