import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Editing and navigation commands")
struct EditingCommandTests {
    // MARK: - Scratch that

    @Test(
        arguments: [
            ("Keine Fraktur Komma kein Erguss streiche das kein Aszites", "Keine Fraktur, kein Aszites"),
            ("Keine Fraktur. Kein Erguss. streiche das", "Keine Fraktur."), ("Befund Doppelpunkt Lunge frei streiche das", "Befund:"),
            ("Lunge frei lösche das Herz normal", "Herz normal"),
        ]
    )
    func germanScratchThatRemovesThePrecedingPhrase(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("No fracture comma no effusion scratch that no ascites", "No fracture, no ascites"),
            ("No fracture. No effusion. scratch that", "No fracture."), ("Findings colon lungs clear delete that", "Findings:"),
            ("Lungs clear strike that heart normal", "Heart normal"),
        ]
    )
    func englishScratchThatRemovesThePrecedingPhrase(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    @Test func scratchThatStopsAtALineBreak() {
        #expect(normalizedText("Befund:\nLunge frei streiche das", .de) == "Befund:\n")
        #expect(normalizedText("Befund neue Zeile Lunge frei streiche das Herz normal", .de) == "Befund\nHerz normal")
    }

    @Test func scratchThatAtTheStartRemovesOnlyItself() throws {
        let result = DictationNormalizer().normalize("scratch that the lungs are clear", language: .en)
        #expect(result.text == "The lungs are clear")
        let removal = try #require(result.edits.first)
        #expect(removal.rule == "command.scratch_that")
        #expect(removal.sourceText == "scratch that ")
        #expect(removal.output == TextSpan(start: 0, end: 0))
        expectTraceable(result, from: "scratch that the lungs are clear")
    }

    @Test func scratchThatTwiceRemovesTwoPhrases() {
        let spoken = "Keine Fraktur Komma kein Erguss streiche das streiche das Lunge frei"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        #expect(result.text == "Lunge frei")
        #expect(rules(of: result) == ["command.scratch_that"])
        expectTraceable(result, from: spoken)
        #expect(normalizedText("No fracture. No effusion comma no ascites scratch that scratch that", .en) == "No fracture.")
    }

    @Test func scratchThatRecordsTheRemovedWordsAsOneEmptyEdit() throws {
        let spoken = "No fracture comma no effusion scratch that"
        let result = DictationNormalizer().normalize(spoken, language: .en)
        let removal = try #require(result.edits.last)
        #expect(result.text == "No fracture,")
        #expect(removal.rule == "command.scratch_that")
        #expect(removal.sourceText == " no effusion scratch that")
        #expect(removal.outputText.isEmpty)
        #expect(removal.output.length == 0)
        expectTraceable(result, from: spoken)
    }

    @Test func scratchThatStopsAtTheLastNavigationCommand() {
        let result = DictationNormalizer().normalize("Lunge frei nächstes Feld Herz normal streiche das", language: .de)
        #expect(result.text == "Lunge frei")
        #expect(result.commands.map(\.name) == ["next_field"])
    }

    @Test func scratchThatRemovesNumbersItsPhraseHeld() {
        let spoken = "Zyste von drei Komma fünf Zentimeter streiche das Zyste von vier Zentimeter"
        let result = DictationNormalizer().normalize(spoken, language: .de)
        #expect(result.text == "Zyste von 4 cm")
        expectTraceable(result, from: spoken)
    }

    // MARK: - Delete last word

    @Test(
        arguments: [
            ("keine akute Fraktur lösche das letzte Wort Erguss", "Keine akute Erguss"), ("Lunge frei Punkt lösche das letzte Wort", "Lunge"),
            ("lösche das letzte Wort Lunge frei", "Lunge frei"), ("Befund neue Zeile letztes Wort löschen Lunge", "Befund Lunge"),
        ]
    )
    func germanDeleteLastWordRemovesThePrecedingWord(spoken: String, written: String) {
        #expect(normalizedText(spoken, .de) == written)
    }

    @Test(
        arguments: [
            ("the lungs are clear delete last word", "The lungs are"), ("no acute fracture delete the last word effusion", "No acute effusion"),
            ("three point five centimeters delete last word millimeters", "3.5 millimeters"),
        ]
    )
    func englishDeleteLastWordRemovesThePrecedingWord(spoken: String, written: String) {
        #expect(normalizedText(spoken, .en) == written)
    }

    // MARK: - Navigation

    @Test func navigationCommandsAreRemovedAndReportedWithTheirSpan() throws {
        let spoken = "next field normal heart size previous field accept defaults"
        let result = DictationNormalizer().normalize(spoken, language: .en)
        #expect(result.text == "Normal heart size")
        #expect(result.commands.map(\.name) == ["next_field", "previous_field", "accept_defaults"])
        let first = try #require(result.commands.first)
        #expect(first.source.substring(of: spoken) == "next field")
        #expect(result.commands.last?.source.substring(of: spoken) == "accept defaults")
        #expect(rules(of: result) == ["command.next_field", "capitalization", "command.previous_field", "command.accept_defaults"])
        expectTraceable(result, from: spoken)
    }

    @Test func germanNavigationCommandsAreRecognised() {
        let result = DictationNormalizer().normalize("Lunge frei nächstes Feld Herz normal vorheriges Feld Standardwerte übernehmen", language: .de)
        #expect(result.text == "Lunge frei Herz normal")
        #expect(result.commands.map(\.name) == ["next_field", "previous_field", "accept_defaults"])
    }

    @Test func nextSectionWritesABlankLineAndIsReported() {
        let german = DictationNormalizer().normalize("Lunge frei nächster Abschnitt Beurteilung", language: .de)
        #expect(german.text == "Lunge frei\n\nBeurteilung")
        #expect(german.commands.map(\.name) == ["next_section"])
        let english = DictationNormalizer().normalize("lungs clear next section impression", language: .en)
        #expect(english.text == "Lungs clear\n\nImpression")
        #expect(english.commands.map(\.name) == ["next_section"])
    }

    @Test func commandsNeverLeaveDoubledSpaces() {
        #expect(normalizedText("Lunge frei nächstes Feld Herz normal", .de) == "Lunge frei Herz normal")
        #expect(normalizedText("Lunge frei streiche das Herz normal Punkt", .de) == "Herz normal.")
        #expect(normalizedText("lungs clear next field", .en) == "Lungs clear")
    }
}
