import RadScribeLLM
import Testing

@Suite("Pseudonymizer: whole dictations")
struct PseudonymizerDictationTests {
    static let germanDictation = """
        Patientin: Schmidt, Anna, geb. 12.03.1961, PID 4711-0815
        Anschrift: Hauptstraße 12a, 50667 Köln, Tel. 0221 478-5678
        Zuweiser: Dr. med. Klaus-Peter Weber, weber@praxis-weber.de
        Klinische Angaben: Zustand nach Mammakarzinom links 2019, Staging.
        Befund: Im Vergleich zur Voruntersuchung vom 03.02.2023 unveränderte Zyste der Leber im Segment 7 von 12 mm. \
        Keine neuen Herde. Lymphknoten bis 8 mm. BI-RADS 2.
        Beurteilung: Kein Anhalt für Metastasen. Befund telefonisch an Herrn Dr. Weber übermittelt.
        """

    static let englishDictation = """
        Patient name: Smith, John   MRN: 00123456   DOB: 03/14/1958
        Address: 221B Baker Street, London NW1 6XE; phone +44 20 7946 0958; e-mail john.smith@example.co.uk
        Referring physician: Dr. Emily Clarke
        Clinical history: Follow-up of right lower lobe nodule. Prior CT on March 2, 2023.
        Findings: The 8 mm nodule in the right lower lobe is unchanged. No new nodules. No pleural effusion.
        Impression: Stable 8 mm nodule. Findings discussed with Dr. Clarke by phone on 04/10/2024.
        """

    @Test func hidesEveryPHIStringOfAGermanDictation() {
        let result = pseudonymizeChecked(Self.germanDictation)
        let phi = [
            "Schmidt", "Anna", "12.03.1961", "4711-0815", "Hauptstraße", "50667", "Köln", "478-5678", "Klaus-Peter", "Weber",
            "praxis-weber", "03.02.2023",
        ]
        for original in phi {
            #expect(!result.text.contains(original), "\(original) survived")
        }
        #expect(result.text.contains("Zyste der Leber im Segment 7 von 12 mm"))
        #expect(result.text.contains("Lymphknoten bis 8 mm. BI-RADS 2."))
        #expect(result.text.contains("Befund telefonisch an Herrn Dr. [PERSON_3] übermittelt."))
        let kinds = result.entities.map(\.kind)
        #expect(kinds == [.person, .birthDate, .patientIdentifier, .address, .phone, .person, .email, .date, .person])
    }

    @Test func hidesEveryPHIStringOfAnEnglishDictation() {
        let result = pseudonymizeChecked(Self.englishDictation)
        let phi = ["Smith", "John", "00123456", "03/14/1958", "Baker", "London", "NW1", "7946", "Emily", "Clarke", "March 2", "04/10/2024"]
        for original in phi {
            #expect(!result.text.contains(original), "\(original) survived")
        }
        #expect(result.text.contains("The 8 mm nodule in the right lower lobe is unchanged."))
        #expect(Set(result.entities.map(\.kind)) == Set(PHIKind.allCases))
    }

    @Test func givesTheSameOriginalTheSamePlaceholderAndOthersNewOnes() {
        let dictation = "Herr Müller, Kontrolle vom 01.02.2024. Frau Meier, Kontrolle vom 01.02.2024. Herr Müller erneut am 05.02.2024."
        let result = pseudonymizeChecked(dictation)
        #expect(
            result.text
                == "Herr [PERSON_1], Kontrolle vom [DATE_1]. Frau [PERSON_2], Kontrolle vom [DATE_1]. Herr [PERSON_1] erneut am [DATE_2]."
        )
        #expect(result.entities.map(\.placeholder) == ["[PERSON_1]", "[DATE_1]", "[PERSON_2]", "[DATE_2]"])
    }

    @Test func isDeterministicAcrossCalls() {
        let first = Pseudonymizer().pseudonymize(Self.germanDictation)
        let second = Pseudonymizer().pseudonymize(Self.germanDictation)
        #expect(first == second)
    }

    @Test func restoresAnLLMRewriteOfTheDictation() throws {
        let result = Pseudonymizer().pseudonymize(Self.englishDictation)
        let person = try #require(result.entities.first { $0.original == "Smith, John" })
        let followUp = try #require(result.entities.first { $0.original == "04/10/2024" })
        let answer = "IMPRESSION: Stable 8 mm nodule in \(person.placeholder). Discussed on \(followUp.placeholder)."
        let restored = result.restore(answer)
        #expect(restored.text == "IMPRESSION: Stable 8 mm nodule in Smith, John. Discussed on 04/10/2024.")
    }

    @Test func copiesNonLatinTextEmojiAndWindowsLineBreaksUnchanged() {
        let result = pseudonymizeChecked("Frau Ağaoğlu 👍 geb. 01.01.1980 – Befund ✓\r\nNachname: Øster\r\nLeber 12 mm")
        #expect(result.text == "Frau [PERSON_1] 👍 geb. [DOB_1] – Befund ✓\r\nNachname: [PERSON_2]\r\nLeber 12 mm")
    }

    @Test func handlesEmptyAndPHIOnlyTexts() {
        #expect(pseudonymizeChecked("").text.isEmpty)
        #expect(pseudonymizeChecked("Herr Müller").text == "Herr [PERSON_1]")
        #expect(pseudonymizeChecked("12.03.2024").text == "[DATE_1]")
    }
}
