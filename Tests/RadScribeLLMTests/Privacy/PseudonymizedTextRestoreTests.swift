import RadScribeLLM
import Testing

@Suite("Pseudonymized text: restoring LLM answers")
struct PseudonymizedTextRestoreTests {
    private let dictation = "Herr Hans Müller, geb. 02.05.1958. Vergleich zur Voruntersuchung vom 11.01.2024."

    private var pseudonymized: PseudonymizedText { Pseudonymizer().pseudonymize(dictation) }

    @Test func restoresExactPlaceholdersInARewrittenAnswer() {
        #expect(pseudonymized.text == "Herr [PERSON_1], geb. [DOB_1]. Vergleich zur Voruntersuchung vom [DATE_1].")
        let answer = "Beurteilung für [PERSON_1] (geb. [DOB_1]): keine Befundänderung seit [DATE_1]."
        let restored = pseudonymized.restore(answer)
        #expect(restored.text == "Beurteilung für Hans Müller (geb. 02.05.1958): keine Befundänderung seit 11.01.2024.")
        #expect(restored.unknownPlaceholders.isEmpty)
    }

    @Test(arguments: [
        "[Person_1]", "[person_1]", "[ PERSON_1 ]", "[PERSON 1]", "[PERSON-1]", "[PERSON1]", "[PERSON_01]", "\\[PERSON\\_1\\]",
        "PERSON_1",
    ])
    func acceptsCommonLLMManglingOfAPlaceholder(mangled: String) {
        let restored = pseudonymized.restore("Befund von \(mangled) unverändert.")
        #expect(restored.text == "Befund von Hans Müller unverändert.")
        #expect(restored.unknownPlaceholders.isEmpty)
    }

    @Test(arguments: ["[PERSON_2]", "[EMAIL_1]", "[PERSON]", "[PATIENT_NAME]", "[NAME]", "[DATUM]", "PERSON_7", "[Date 9]"])
    func reportsPlaceholdersItDoesNotKnowAndLeavesThem(invented: String) {
        let restored = pseudonymized.restore("Befund von \(invented) unverändert, [PERSON_1] informiert.")
        #expect(restored.unknownPlaceholders == [invented])
        #expect(restored.text == "Befund von \(invented) unverändert, Hans Müller informiert.")
    }

    @Test func reportsEachUnknownPlaceholderOnceInOrder() {
        let restored = pseudonymized.restore("[ID_1] und [PERSON_3], dann [ID_1].")
        #expect(restored.unknownPlaceholders == ["[ID_1]", "[PERSON_3]"])
    }

    @Test(arguments: ["[BI-RADS 4]", "[sic]", "[1]", "[cm]", "[CT]", "[Abb. 2]", "IDENTITY_1", "DATES_1", "[ACR C]"])
    func leavesBracketedMedicalTextAlone(text: String) {
        let answer = "Läsion \(text) rechts."
        let restored = pseudonymized.restore(answer)
        #expect(restored.text == answer)
        #expect(restored.unknownPlaceholders.isEmpty)
    }

    @Test func keepsTheTextAroundPlaceholdersByteForByte() {
        let restored = pseudonymized.restore("Größenprogredienz bei [PERSON_1]s Läsion — ✓ [DATE_1]")
        #expect(restored.text == "Größenprogredienz bei Hans Müllers Läsion — ✓ 11.01.2024")
    }

    @Test func restoresNothingInAnAnswerWithoutPlaceholders() {
        let restored = Pseudonymizer().pseudonymize("Keine Auffälligkeiten.").restore("Unauffälliger Befund.")
        #expect(restored == RestoredText(text: "Unauffälliger Befund.", unknownPlaceholders: []))
    }

    @Test func describesItselfWithoutPatientData() {
        let restored = pseudonymized.restore("[PERSON_1] [PERSON_9]")
        for description in [
            String(describing: pseudonymized), String(reflecting: pseudonymized), String(describing: restored),
            String(reflecting: restored),
        ] + pseudonymized.entities.map(String.init(describing:)) {
            #expect(!description.contains("Müller"))
            #expect(!description.contains("1958"))
        }
        #expect(pseudonymized.entities.map(String.init(describing:)).first == "[PERSON_1] (person)")
    }
}
