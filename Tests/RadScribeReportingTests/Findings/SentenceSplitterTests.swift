import Foundation
import Testing

@testable import RadScribeReporting

@Suite("SentenceSplitter")
struct SentenceSplitterTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var sentences: [String]

        init(_ text: String, _ sentences: [String]) {
            self.text = text
            self.sentences = sentences
        }

        var testDescription: String { "\"\(text)\"" }
    }

    private func split(_ text: String) -> [String] {
        SentenceSplitter().sentences(in: text, range: text.startIndex..<text.endIndex).map { String(text[$0]) }
    }

    @Test(
        "full stops, question and exclamation marks and line breaks end sentences",
        arguments: [
            Case("Kein Erguss. Kein Pneumothorax.", ["Kein Erguss.", "Kein Pneumothorax."]),
            Case("No effusion.  No pneumothorax!", ["No effusion.", "No pneumothorax!"]),
            Case("Pneumothorax? Nein.", ["Pneumothorax?", "Nein."]),
            Case("Herz normal groß\nLunge frei\n\nKein Erguss", ["Herz normal groß", "Lunge frei", "Kein Erguss"]),
            Case("Erguss (links). Kein PTX...", ["Erguss (links).", "Kein PTX..."]),
            Case("  Kein Erguss.  ", ["Kein Erguss."]),
            Case("...", []),
            Case("", []),
        ]
    )
    func boundaries(_ testCase: Case) {
        #expect(split(testCase.text) == testCase.sentences)
    }

    @Test(
        "abbreviations do not end a sentence",
        arguments: [
            Case("V. a. Pneumonie. Kein Erguss.", ["V. a. Pneumonie.", "Kein Erguss."]),
            Case("V.a. Pneumonie im Unterlappen.", ["V.a. Pneumonie im Unterlappen."]),
            Case("Z. n. Cholezystektomie. Leber unauffällig.", ["Z. n. Cholezystektomie.", "Leber unauffällig."]),
            Case("Erguss, z. B. im Recessus. Kein PTX.", ["Erguss, z. B. im Recessus.", "Kein PTX."]),
            Case("Raumforderung ca. 3 cm. Keine Lymphknoten.", ["Raumforderung ca. 3 cm.", "Keine Lymphknoten."]),
            Case("Ödem bzw. Erguss. Sonst unauffällig.", ["Ödem bzw. Erguss.", "Sonst unauffällig."]),
            Case("Ggf. Kontrolle in 3 Monaten.", ["Ggf. Kontrolle in 3 Monaten."]),
            Case("CT nach KM i. v. Applikation. Kein Erguss.", ["CT nach KM i. v. Applikation.", "Kein Erguss."]),
            Case("Befund mit Dr. Müller besprochen.", ["Befund mit Dr. Müller besprochen."]),
            Case("Opacities, e.g. pneumonia. No effusion.", ["Opacities, e.g. pneumonia.", "No effusion."]),
            Case("Small nodules, i.e. granulomas.", ["Small nodules, i.e. granulomas."]),
            Case("Atelectasis vs. pneumonia.", ["Atelectasis vs. pneumonia."]),
            Case("Mass approx. 3 cm. No effusion.", ["Mass approx. 3 cm.", "No effusion."]),
            Case("Vorbefund Nr. 12 liegt vor.", ["Vorbefund Nr. 12 liegt vor."]),
            Case("V. a. Pneumonie re. Unterlappen.", ["V. a. Pneumonie re. Unterlappen."]),
            Case("Pleuraergüsse bds. Kein Pneumothorax.", ["Pleuraergüsse bds.", "Kein Pneumothorax."]),
            Case("Erguss li. Keine Stauung.", ["Erguss li.", "Keine Stauung."]),
            Case("Lunge o. B. Herz normal groß.", ["Lunge o. B.", "Herz normal groß."]),
        ]
    )
    func abbreviations(_ testCase: Case) {
        #expect(split(testCase.text) == testCase.sentences)
    }

    @Test(
        "numbers, spinal levels and ordinals",
        arguments: [
            Case("Rundherd 3.5 cm. Kein Erguss.", ["Rundherd 3.5 cm.", "Kein Erguss."]),
            Case("Rundherd 3,5 cm. Kein Erguss.", ["Rundherd 3,5 cm.", "Kein Erguss."]),
            Case("Vergleich zum 12.03.2024. Kein Erguss.", ["Vergleich zum 12.03.2024.", "Kein Erguss."]),
            Case("Prolaps L4/5. Keine Stenose.", ["Prolaps L4/5.", "Keine Stenose."]),
            Case("Fraktur der 7. Rippe links.", ["Fraktur der 7. Rippe links."]),
            Case("Frakturen der 5.-7. Rippe.", ["Frakturen der 5.-7. Rippe."]),
            Case("Läsion in Segment 7. Keine weiteren Herde.", ["Läsion in Segment 7.", "Keine weiteren Herde."]),
            Case("BI-RADS 4. Biopsie empfohlen.", ["BI-RADS 4.", "Biopsie empfohlen."]),
        ]
    )
    func numbers(_ testCase: Case) {
        #expect(split(testCase.text) == testCase.sentences)
    }

    @Test(
        "enumerations and bullets are list markers, not sentences",
        arguments: [
            Case("1. Pleuraerguss rechts.\n2. Kein Pneumothorax.", ["Pleuraerguss rechts.", "Kein Pneumothorax."]),
            Case("1. Pleuraerguss rechts 2. Kein Pneumothorax", ["Pleuraerguss rechts", "Kein Pneumothorax"]),
            Case("1) Erguss\n2) Infiltrat", ["Erguss", "Infiltrat"]),
            Case("- Erguss links\n- Infiltrat rechts", ["Erguss links", "Infiltrat rechts"]),
            Case("• Effusion\n• Consolidation", ["Effusion", "Consolidation"]),
            Case("a) Erguss b) Infiltrat", ["Erguss", "Infiltrat"]),
            Case("1. Erguss der 3. Rippe 2. Kein Infiltrat", ["Erguss der 3. Rippe", "Kein Infiltrat"]),
            Case("-5 HU im Herd.", ["-5 HU im Herd."]),
        ]
    )
    func listMarkers(_ testCase: Case) {
        #expect(split(testCase.text) == testCase.sentences)
    }

    @Test func rangeLimitsTheSplitAndOffsetsStayInTheWholeText() throws {
        let text = "Befund:\nKein Erguss. Kein Pneumothorax.\nBeurteilung: Unauffällig."
        let body = try #require(text.range(of: "Kein Erguss. Kein Pneumothorax."))
        let sentences = SentenceSplitter().sentences(in: text, range: body)
        #expect(sentences.map { String(text[$0]) } == ["Kein Erguss.", "Kein Pneumothorax."])
        #expect(sentences.first?.lowerBound == body.lowerBound)
        #expect(sentences.last?.upperBound == body.upperBound)
    }
}
