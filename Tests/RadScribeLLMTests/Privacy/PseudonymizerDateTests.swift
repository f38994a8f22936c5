import RadScribeLLM
import Testing

@Suite("Pseudonymizer: dates")
struct PseudonymizerDateTests {
    @Test(arguments: [
        ("Voruntersuchung vom 12.03.2024 zum Vergleich.", "12.03.2024"),
        ("CT vom 1.2.24 ohne Befund.", "1.2.24"),
        ("MRT am 12. 3. 2024 durchgeführt.", "12. 3. 2024"),
        ("Prior study dated 2024-03-12.", "2024-03-12"),
        ("Compared with 12/03/2024.", "12/03/2024"),
        ("Compared with 12/25/2024.", "12/25/2024"),
        ("Aufnahme 12-03-2024 in der Notaufnahme.", "12-03-2024"),
        ("Voruntersuchung vom 12. März 2024.", "12. März 2024"),
        ("Prior CT on March 12, 2024.", "March 12, 2024"),
        ("Prior CT on 12 March 2024.", "12 March 2024"),
        ("Prior CT on the 12th of March 2024.", "12th of March 2024"),
        ("Bekannt seit März 2023.", "März 2023"),
        ("Beschwerden seit 03/2023.", "03/2023"),
        ("Vergleich zur Voruntersuchung vom 12.03. ohne Änderung.", "12.03"),
    ])
    func replacesCalendarDates(dictation: String, date: String) {
        let result = pseudonymizeChecked(dictation)
        #expect(result.entities.map(\.original) == [date])
        #expect(result.entities.map(\.kind) == [.date])
    }

    @Test(arguments: [
        ("Patientin, geb. 12.03.1961", "12.03.1961"),
        ("geboren am 12. März 1961", "12. März 1961"),
        ("DOB: 03/14/1958", "03/14/1958"),
        ("Date of birth 14 March 1958", "14 March 1958"),
        ("born on March 3, 1960", "March 3, 1960"),
        ("Herr Krause (*04.07.1949)", "04.07.1949"),
        ("Patient, Jahrgang 1948", "1948"),
        ("born in 1960", "1960"),
    ])
    func marksDatesAfterABirthCueAsBirthDates(dictation: String, date: String) {
        let result = pseudonymizeChecked(dictation)
        #expect(result.entities.first { $0.kind == .birthDate }?.original == date)
    }

    @Test func givesARepeatedBirthDateTheBirthDatePlaceholder() {
        let result = pseudonymizeChecked("geb. 12.03.1961; Geburtsdatum laut Auftrag 12.03.1961, Untersuchung am 13.03.2024")
        #expect(result.text == "geb. [DOB_1]; Geburtsdatum laut Auftrag [DOB_1], Untersuchung am [DATE_1]")
    }

    @Test func keepsYearsAndNumbersThatAreNoDates() {
        #expect(detectedPHI("Z.n. TEP rechts 2019, Kontrolle 2024.").isEmpty)
        #expect(detectedPHI("Datum 32.13.2024 ist ungültig.").isEmpty)
        #expect(detectedPHI("SUV 5.4. Keine weiteren Herde.").isEmpty)
        #expect(detectedPHI("Osteochondrose HWK 5/6, Einnahme 1-0-1.").isEmpty)
        #expect(detectedPHI("May represent atelectasis.").isEmpty)
        #expect(detectedPHI("Im Mai keine Kontrolle möglich.").isEmpty)
    }
}

@Suite("Pseudonymizer: identifiers")
struct PseudonymizerIdentifierTests {
    @Test(arguments: [
        ("PID: 4711-0815", "4711-0815"),
        ("MRN 00123456", "00123456"),
        ("Pat.-Nr. 123456", "123456"),
        ("Fallnummer: 2024118734", "2024118734"),
        ("Aufnahme-Nr. 88123", "88123"),
        ("Accession number: ACC-77812-B", "ACC-77812-B"),
        ("Auftragsnummer 2024/00815", "2024/00815"),
        ("Versichertennummer A123456789", "A123456789"),
        ("Patient ID # 998 877 665", "998 877 665"),
    ])
    func replacesLabelledIdentifiers(dictation: String, identifier: String) {
        let result = pseudonymizeChecked(dictation)
        #expect(result.entities.map(\.original) == [identifier])
        #expect(result.entities.map(\.kind) == [.patientIdentifier])
    }

    @Test func replacesLongDigitRunsWithoutALabel() {
        #expect(detectedPHI("Befund zu Aufnahme 80412345 nachgereicht.") == ["patientIdentifier:80412345"])
        #expect(detectedPHI("Study UID 1.2.840.113619.2.55 attached.") == ["patientIdentifier:1.2.840.113619.2.55"])
    }

    @Test func keepsCountsAndMeasurementsWithManyDigits() {
        #expect(detectedPHI("Thrombozyten 150000/µl, Leukozyten 12000/µl.").isEmpty)
        #expect(detectedPHI("Heparin 25000 IE über 24 h.").isEmpty)
        #expect(detectedPHI("Dosis-Längen-Produkt 1234 mGy*cm.").isEmpty)
    }

    @Test func ignoresALabelWithoutAValue() {
        #expect(detectedPHI("PID liegt nicht vor.").isEmpty)
    }
}
