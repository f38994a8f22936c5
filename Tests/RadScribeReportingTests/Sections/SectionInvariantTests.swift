import RadScribeCore
import Testing

@testable import RadScribeReporting

/// Property-style checks over many generated texts: every word of the input is in exactly one header or body.
@Suite("Section segmentation invariants")
struct SectionInvariantTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    private static let pieces = [
        "Befund", "befund", "BEFUND:", "Befund:", "Befunde", "Findings", "FINDINGS:", "findings", "Impression", "Impression -",
        "impression", "Beurteilung:", "beurteilung", "Klinische Angaben:", "klinische angaben", "Technik", "technik", "Vergleich",
        "vergleich", "Voraufnahmen", "Comparison:", "comparison", "History:", "history", "Empfehlung:", "empfehlung", "Follow-up:",
        "Nebenbefund:", "Addendum:", "Lunge:", "der", "die", "keine", "kein", "im", "zur", "the", "these", "no", "of", "are", "ist",
        "Lunge", "frei", "Erguss", "Infiltrat", "lungs", "clear", "effusion", "stable", "L4/5", "3,5 cm", "10:30", "Größe", "Ödem",
        "🙂", ".", ",", ":", "-", "–", "?", "(", ")", "CT-Befund", "o. B.", "\u{00A0}",
    ]
    private static let separators = [" ", " ", " ", "  ", "\n", "\n\n", "\t", " \n ", "", "\r\n"]

    private func randomText(using generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...40, using: &generator)
        var text = ""
        for _ in 0..<count {
            text += Self.pieces.randomElement(using: &generator)!
            text += Self.separators.randomElement(using: &generator)!
        }
        return text
    }

    private func nonWhitespace(_ text: Substring) -> [Character] {
        text.filter { !$0.isWhitespace }
    }

    @Test(arguments: [Language.de, .en])
    func accountsForEveryNonWhitespaceCharacterExactlyOnceInOrder(language: Language) throws {
        var generator = SeededGenerator(state: language == .de ? 1 : 2)
        let segmenter = SectionSegmenter()
        for _ in 0..<600 {
            let text = randomText(using: &generator)
            let sections = segmenter.segment(text, language: language)
            var reassembled: [Character] = []
            var previousEnd = 0
            for section in sections {
                if let header = section.header, let headerSpan = section.headerSpan {
                    #expect(headerSpan.substring(of: text).map(String.init) == header, "header span of \(text.debugDescription)")
                    #expect(headerSpan.start >= previousEnd)
                    #expect(section.span.start >= headerSpan.end)
                    reassembled += nonWhitespace(Substring(header))
                }
                #expect(section.span.substring(of: text).map(String.init) == section.text, "body span of \(text.debugDescription)")
                #expect(section.span.start >= previousEnd)
                #expect(section.text == String(section.text).trimmingWhitespace, "body of \(text.debugDescription) is not trimmed")
                reassembled += nonWhitespace(Substring(section.text))
                previousEnd = section.span.end
            }
            #expect(reassembled == nonWhitespace(Substring(text)), "words lost or doubled in \(text.debugDescription)")
        }
    }

    @Test func givesEveryKnownSectionItsCanonicalTitleAndEveryOtherSectionItsDictatedHeader() {
        var generator = SeededGenerator(state: 3)
        let segmenter = SectionSegmenter()
        for _ in 0..<300 {
            let text = randomText(using: &generator)
            for section in segmenter.segment(text, language: .en) {
                if section.kind == .other {
                    if let header = section.header {
                        #expect(section.title.map { header.hasPrefix($0) } == true, "other section title in \(text.debugDescription)")
                    } else {
                        #expect(section.title == nil)
                    }
                } else {
                    #expect(section.title == section.kind.title(in: .en))
                }
            }
        }
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
