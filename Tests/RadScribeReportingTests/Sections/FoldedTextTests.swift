import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Folded text")
struct FoldedTextTests {
    private func sentences(_ text: String) -> [String] {
        let folded = FoldedText(text)
        var result: [String] = []
        var first = 0
        for index in folded.tokens.indices
        where index + 1 == folded.tokens.count || folded.tokens[index + 1].sentence != folded.tokens[index].sentence {
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
        #expect(folded.tokens.map(\.isNumber) == [false, false, false, false, true])
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
