import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Folded text")
struct FoldedTextTests {
    private func sentences(_ text: String) -> [String] {
        let folded = FoldedText(text)
        var result: [String] = []
        var first = 0
        for index in folded.tokens.indices where index + 1 == folded.tokens.count || folded.tokens[index + 1].sentence != folded.tokens[index].sentence {
            result.append(folded.string(tokens: first, through: index))
            first = index + 1
        }
        return result
    }

    @Test func foldsCaseWithoutMovingOffsets() {
        let text = "ÄRZTLICHER Befund: Ödem 🙂 L4/5"
        let folded = FoldedText(text)
        #expect(folded.units.count == text.utf16.count)
        #expect(String(decoding: folded.units, as: UTF16.self) == "ärztlicher befund: ödem 🙂 l4/5")
        #expect(folded.tokens.map { folded.string($0.start, $0.end) } == ["ÄRZTLICHER", "Befund", "Ödem", "L4", "5"])
        #expect(folded.tokens.map(\.isCapitalized) == [true, true, true, true, false])
    }

    @Test func endsSentencesAtPunctuationAndLineBreaksButNotAtDecimalsOrAbbreviations() {
        #expect(
            sentences("Herd 2.5 cm, ca. 3 cm vom Rand. V. a. Pneumonie! Z. n. OP\nnach i.v. Kontrastmittel; fertig")
                == ["Herd 2.5 cm, ca. 3 cm vom Rand", "V. a. Pneumonie", "Z. n. OP", "nach i.v. Kontrastmittel", "fertig"]
        )
    }

    @Test func keepsGermanOrdinalsInsideTheSentenceButEndsAfterACategory() {
        #expect(sentences("Fraktur der 5. Rippe. BI-RADS 2. Links unauffällig.") == ["Fraktur der 5. Rippe", "BI-RADS 2", "Links unauffällig"])
    }

    @Test func splitsClausesAtCommasColonsAndBrackets() {
        let folded = FoldedText("a, b: c (d) e")
        #expect(folded.tokens.map(\.clause) == [0, 1, 2, 3, 4])
        #expect(Set(folded.tokens.map(\.sentence)) == [0])
    }

    @Test func readsNumbersWithDecimalCommaOrPoint() {
        let folded = FoldedText("2,5 cm und 3.25 mm und 12")
        #expect(folded.number(at: 0)?.value == 2.5)
        #expect(folded.number(at: 4)?.value == 3.25)
        #expect(folded.number(at: 8)?.value == 12)
        #expect(folded.number(at: 2) == nil)
    }
}

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

@Suite("Negation scope")
struct NegationScopeTests {
    private func isNegated(_ text: String, term: String, findings: [Finding] = []) -> Bool {
        let folded = FoldedText(text)
        let index = folded.tokens.firstIndex { folded.string($0.start, $0.end) == term }!
        return NegationScope(text: folded, findings: findings).isNegated(first: index, last: index)
    }

    @Test func findsCuesBeforeAndAfterTheTermWithinItsClause() {
        #expect(isNegated("Kein Bandscheibenvorfall.", term: "Bandscheibenvorfall"))
        #expect(isNegated("No evidence of disc herniation.", term: "herniation"))
        #expect(isNegated("Bandscheibenvorfall ausgeschlossen.", term: "Bandscheibenvorfall"))
        #expect(isNegated("Herniation is not seen.", term: "Herniation"))
        #expect(!isNegated("Kein Erguss, Bandscheibenvorfall L5.", term: "Bandscheibenvorfall"))
        #expect(!isNegated("Keine Stenose bei Protrusion.", term: "Protrusion"))
    }

    @Test func treatsNotExcludedAsAHedge() {
        #expect(!isNegated("Bandscheibenvorfall nicht auszuschließen.", term: "Bandscheibenvorfall"))
        #expect(!isNegated("Metastasis cannot be excluded.", term: "Metastasis"))
        #expect(!isNegated("Metastasis can not be ruled out.", term: "Metastasis"))
    }

    @Test func prefersTheExtractorsConceptAssertion() {
        let text = "Kein Erguss, aber Pneumothorax."
        let fixture = ReportFixture(text)
        let finding = fixture.finding(text, assertion: .absent, concepts: [fixture.concept("Pneumothorax", id: "pneumothorax", assertion: .present)])
        #expect(!isNegated(text, term: "Pneumothorax", findings: [finding]))
        let negatedFinding = fixture.finding(text, assertion: .absent)
        #expect(isNegated(text, term: "Pneumothorax", findings: [negatedFinding]))
    }
}
