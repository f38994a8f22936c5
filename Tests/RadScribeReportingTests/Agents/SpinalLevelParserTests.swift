import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Spinal levels")
struct SpinalLevelParserTests {
    private func names(_ text: String) -> [String] {
        let folded = FoldedText(text)
        return SpinalLevelParser.mentions(in: 0..<folded.tokens.count, of: folded).map(\.level.name)
    }

    @Test(arguments: [
        ("L4/5", "L4/5"), ("L4/L5", "L4/5"), ("L4-5", "L4/5"), ("L4 - L5", "L4/5"), ("L5/S1", "L5/S1"), ("L5-S1", "L5/S1"),
        ("LWK 4/5", "L4/5"), ("LWK4/5", "L4/5"), ("LWK 5/SWK 1", "L5/S1"), ("HWK 5/6", "C5/6"), ("C5/6", "C5/6"), ("C7/Th1", "C7/T1"),
        ("Th12/L1", "T12/L1"), ("BWK 12", "T12"), ("Th12", "T12"), ("T11/12", "T11/12"), ("l4 5", "L4"), ("C2", "C2"),
    ])
    func readsLevelNotations(_ text: String, expected: String) {
        #expect(names(text).first == expected)
    }

    @Test func expandsARangeIntoItsSegments() {
        #expect(names("Osteochondrose L3-L5") == ["L3/4", "L4/5"])
    }

    @Test func skipsNerveRootsAndMRISequences() {
        #expect(names("Kompression der Wurzel L5 und der S1-Wurzel, L5 nerve root. T2-gewichtet, T1 nach KM.").isEmpty)
    }

    @Test func rejectsImpossibleLevels() {
        #expect(names("L9/10 C8 S7").isEmpty)
    }
}
