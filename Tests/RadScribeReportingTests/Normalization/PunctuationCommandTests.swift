import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Spoken punctuation and layout")
struct PunctuationCommandTests {
    @Test(
        arguments: [
            ("Keine Fraktur Punkt", "Keine Fraktur."), ("Keine Fraktur Komma kein Erguss", "Keine Fraktur, kein Erguss"),
            ("Befund Doppelpunkt keine Fraktur", "Befund: keine Fraktur"), ("Erguss Semikolon Aszites", "Erguss; Aszites"),
            ("Fraktur Fragezeichen", "Fraktur?"), ("Achtung Ausrufezeichen", "Achtung!"),
            ("Atelektase Klammer auf links Klammer zu", "Atelektase (links)"), ("Follow Bindestrich up", "Follow-up"),
            ("und Schrägstrich oder", "Und/oder"), ("Befund neue Zeile keine Fraktur", "Befund\nKeine Fraktur"),
            ("Befund neuer Absatz keine Fraktur", "Befund\n\nKeine Fraktur"), ("nimmt zu Punkt", "Nimmt zu."),
            ("Die Anreicherung setzt früh ein Punkt", "Die Anreicherung setzt früh ein."),
        ]
    )
    func germanPunctuationIsWritten(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("No fracture period", "No fracture."), ("No fracture full stop", "No fracture."),
            ("No fracture comma no effusion", "No fracture, no effusion"),
            ("Findings colon no fracture", "Findings: no fracture"), ("No fracture semicolon no effusion", "No fracture; no effusion"),
            ("Pneumonia question mark", "Pneumonia?"), ("Atelectasis open parenthesis left close parenthesis", "Atelectasis (left)"),
            ("Follow hyphen up", "Follow-up"), ("and slash or", "And/or"), ("Findings new line no fracture", "Findings\nNo fracture"),
            ("Findings new paragraph no fracture", "Findings\n\nNo fracture"), ("Stable as before period", "Stable as before."),
        ]
    )
    func englishPunctuationIsWritten(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test func punctuationSwallowsTheSpaceBeforeIt() throws {
        let result = DictationNormalizer().normalize("Keine Fraktur Punkt", language: .de)
        let edit = try #require(result.edits.first)
        #expect(edit.rule == "punctuation")
        #expect(edit.sourceText == " Punkt")
        #expect(edit.outputText == ".")
    }

    @Test func aSpokenCommaBetweenNumbersIsADecimalInGermanOnly() {
        #expect(normalizedText("drei Komma fünf Millimeter", .de) == "3,5 mm")
        #expect(normalizedText("Fraktur Komma keine Luxation", .de) == "Fraktur, keine Luxation")
        #expect(normalizedText("levels three comma four", .en) == "Levels three, four")
    }

    // MARK: - Ordinary words that look like commands

    @Test(
        arguments: [
            "Z. n. Punktion der Leber.", "Punktum maximum im Oberlappen.", "Keine Kommastelle.", "Der Punkt ist unklar.",
            "Am höchsten Punkt der Läsion.", "Siehe Textübernahme aus Punkt 1.", "Jeder Punkt der Liste.", "Kolon unauffällig.",
            "Ein weiterer Punkt ist die Stenose.",
        ]
    )
    func germanWordsThatOnlyLookLikeCommandsStay(text: String) {
        #expect(normalizedText(text, .de) == text)
    }

    @Test(
        arguments: [
            "A period of 3 months.", "The postoperative period was uneventful.", "Over a 3 month period.", "The sigmoid colon is unremarkable.",
            "Diverticulosis of the colon.", "Wall thickening of the descending colon.", "Small bowel and colon are normal.",
            "Colon wall thickening.", "The transverse colon is distended.", "Hepatic coma.", "Point of maximal tenderness.",
            "There is a new line in the SVC.", "Period of observation.", "The waiting period was short.",
            "No change over an additional period.",
        ]
    )
    func englishWordsThatOnlyLookLikeCommandsStay(text: String) {
        #expect(normalizedText(text, .en) == text)
    }

    @Test(
        arguments: [
            ("impression colon", "Impression:"), ("findings colon the lungs are clear", "Findings: the lungs are clear"),
            ("Lungs colon Clear", "Lungs: Clear"), ("right lung colon\nclear", "Right lung:\nClear"), ("comparison colon 2019", "Comparison: 2019"),
        ]
    )
    func englishColonIsPunctuationAfterAHeadingOrBeforeANewStatement(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test func aMarkWithNothingBeforeItOnTheLineStaysAWord() {
        #expect(normalizedText("Punkt eins der Liste", .de) == "Punkt eins der Liste")
        #expect(normalizedText("Befund:\nKomma", .de) == "Befund:\nKomma")
    }

    @Test func spacesAfterSpokenLineBreaksAndOpeningMarksGo() {
        #expect(normalizedText("Befund neue Zeile   keine Fraktur", .de) == "Befund\nKeine Fraktur")
        #expect(normalizedText("Klammer auf  links", .de) == "(Links")
    }

    @Test func typedLineBreaksAreKept() {
        #expect(normalizedText("Befund:\n\nKeine Fraktur.\nKein Erguss.", .de) == "Befund:\n\nKeine Fraktur.\nKein Erguss.")
    }
}
