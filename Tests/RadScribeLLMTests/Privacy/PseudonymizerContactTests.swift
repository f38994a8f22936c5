import RadScribeLLM
import Testing

@Suite("Pseudonymizer: phone numbers, e-mail and addresses")
struct PseudonymizerContactTests {
    @Test(arguments: [
        ("Rückruf erbeten, Tel. 0221 478-5678.", "0221 478-5678"),
        ("Fax: +49 221 4785-0", "+49 221 4785-0"),
        ("Erreichbar unter 0171/1234567.", "0171/1234567"),
        ("Bitte Pieper 4711 anrufen.", "4711"),
        ("Please call +44 20 7946 0958 with questions.", "+44 20 7946 0958"),
        ("Kontakt +49 (0)221 478 56 78 jederzeit.", "+49 (0)221 478 56 78"),
        ("Callback number (555) 123-4567 today.", "(555) 123-4567"),
        ("Callback 555-123-4567 today.", "555-123-4567"),
        ("Praxis 030 12345678 informiert.", "030 12345678"),
    ])
    func replacesPhoneNumbers(dictation: String, number: String) {
        let result = pseudonymizeChecked(dictation)
        #expect(result.entities.map(\.original) == [number])
        #expect(result.entities.map(\.kind) == [.phone])
    }

    @Test func endsAPhoneNumberBeforeAMeasurement() {
        #expect(detectedPHI("Tel. 0221 4785 12 mm Herd.") == ["phone:0221 4785"])
    }

    @Test func keepsNumbersThatOnlyLookLikePhoneNumbers() {
        #expect(detectedPHI("Gleason 3+4=7, HER2+ 3, Herd 0,5 cm.").isEmpty)
        #expect(detectedPHI("Verlauf 2019 2020 2021 stabil.").isEmpty)
    }

    @Test func replacesEmailAddresses() {
        #expect(detectedPHI("Befund an radiologie@klinik-nord.de gesendet.") == ["email:radiologie@klinik-nord.de"])
        #expect(detectedPHI("Contact: john.smith+rad@example.co.uk.") == ["email:john.smith+rad@example.co.uk"])
        #expect(detectedPHI("Kein Hinweis @ Leber.").isEmpty)
    }

    @Test(arguments: [
        ("Wohnhaft Hauptstraße 12a, 50667 Köln.", "Hauptstraße 12a, 50667 Köln"),
        ("Anschrift: Berliner Str. 5, D-10115 Berlin", "Berliner Str. 5, D-10115 Berlin"),
        ("Adresse Konrad-Adenauer-Allee 3-5 bekannt.", "Konrad-Adenauer-Allee 3-5"),
        ("Wohnt Am Ring 7 in Bonn.", "Am Ring 7"),
        ("Umzug in 60311 Frankfurt am Main geplant.", "60311 Frankfurt am Main"),
        ("Anschrift:\n06108 Halle (Saale)", "06108 Halle (Saale)"),
        ("Lives at 221B Baker Street, London NW1 6XE.", "221B Baker Street, London NW1 6XE"),
        ("Address: 12 Main St., Springfield, IL 62704", "12 Main St., Springfield, IL 62704"),
        ("Home address 4 Elm Road was confirmed.", "4 Elm Road"),
    ])
    func replacesStreetAddresses(dictation: String, address: String) {
        let result = pseudonymizeChecked(dictation)
        #expect(result.entities.map(\.original) == [address])
        #expect(result.entities.map(\.kind) == [.address])
    }

    @Test func keepsEponymsAndMeasurementsThatEndLikeStreets() {
        #expect(detectedPHI("Schatzki-Ring 2 cm oberhalb der Kardia.").isEmpty)
        #expect(detectedPHI("Zugangsweg 2,5 cm lateral, Platz 3 im Plan.").isEmpty)
        #expect(detectedPHI("Lymphknoten 12000 Einheiten, Segment 7 Zyste.").isEmpty)
    }
}
