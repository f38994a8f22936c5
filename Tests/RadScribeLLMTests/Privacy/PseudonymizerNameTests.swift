import RadScribeLLM
import Testing

@Suite("Pseudonymizer: names")
struct PseudonymizerNameTests {
    @Test func replacesGermanPatientNameAfterRoleAndKeepsTheCue() {
        let result = pseudonymizeChecked("Patientin Anna Schmidt, geb. 12.03.1961, stellt sich zur MRT vor.")
        #expect(result.text == "Patientin [PERSON_1], geb. [DOB_1], stellt sich zur MRT vor.")
        #expect(detectedPHI("Patientin Anna Schmidt, geb. 12.03.1961") == ["person:Anna Schmidt", "birthDate:12.03.1961"])
    }

    @Test func readsGermanHonorificsAndAbbreviations() {
        #expect(detectedPHI("Rücksprache mit Herrn Meier.") == ["person:Meier"])
        #expect(detectedPHI("Befund an Frau Yılmaz übermittelt.") == ["person:Yılmaz"])
        #expect(detectedPHI("Hr. Müller-Lüdenscheidt klagt über Schmerzen.") == ["person:Müller-Lüdenscheidt"])
        #expect(detectedPHI("Fr. von der Heide kommt zur Kontrolle.") == ["person:von der Heide"])
        #expect(detectedPHI("Pat. Hans Peter Krause, Z.n. Sturz.") == ["person:Hans Peter Krause"])
    }

    @Test func skipsTitlesAndDegreesBeforeTheName() {
        #expect(detectedPHI("Zuweiser: Herr Dr. med. Klaus-Peter Weber") == ["person:Klaus-Peter Weber"])
        #expect(detectedPHI("Gesehen von Prof. Dr. rer. nat. Ulrike Sommer.") == ["person:Ulrike Sommer"])
        #expect(detectedPHI("Zuweiser Dr. Weber bittet um Rückruf.") == ["person:Weber"])
    }

    @Test func readsEnglishHonorificsAndRoles() {
        #expect(detectedPHI("Mr John Smith presents with cough.") == ["person:John Smith"])
        #expect(detectedPHI("Mrs. Jane O'Brien was informed.") == ["person:Jane O'Brien"])
        #expect(detectedPHI("Discussed with Ms Chen and Miss Taylor.") == ["person:Chen", "person:Taylor"])
        #expect(detectedPHI("Referring physician: Dr. Emily Clarke") == ["person:Emily Clarke"])
        #expect(detectedPHI("Results called to Dr J. R. Miller.") == ["person:J. R. Miller"])
    }

    @Test func readsSurnameCommaFirstNameAfterLabelOrBeforeBirthDate() {
        #expect(detectedPHI("Name: MÜLLER, Hans") == ["person:MÜLLER, Hans"])
        #expect(detectedPHI("Patient name: Smith, John\nMRN: 4711") == ["person:Smith, John", "patientIdentifier:4711"])
        #expect(detectedPHI("Patient Meier, Hans, geb. 01.02.1950") == ["person:Meier, Hans", "birthDate:01.02.1950"])
    }

    @Test func readsAPatientHeaderLineWithoutCue() {
        #expect(detectedPHI("Weber, Karl, 12.12.1950 - CT Abdomen") == ["person:Weber, Karl", "date:12.12.1950"])
        #expect(detectedPHI("Befund\nMÜLLER, Hans (*01.02.1950)") == ["person:MÜLLER, Hans", "birthDate:01.02.1950"])
        #expect(detectedPHI("Leber, Milz und Nieren unauffällig.").isEmpty)
    }

    @Test func doesNotTakeATitleAfterAFullNameAsFirstName() {
        #expect(detectedPHI("Frau Dr. Eva-Maria Schulze-Wendt, Oberärztin, bittet um Rückruf.") == ["person:Eva-Maria Schulze-Wendt"])
        #expect(
            detectedPHI("Nachname: Müller\nVorname: Peter\nGeburtsdatum: 05.06.1944") == [
                "person:Müller", "person:Peter", "birthDate:05.06.1944",
            ]
        )
    }

    @Test func doesNotTakeTheNextClauseAsFirstName() {
        #expect(detectedPHI("Frau Schmidt, Leber unauffällig.") == ["person:Schmidt"])
        #expect(detectedPHI("Herr Meier, Befund unverändert.") == ["person:Meier"])
    }

    @Test func needsAColonAfterAGenericLabel() {
        #expect(detectedPHI("Der Name Bosniak steht für eine Klassifikation.").isEmpty)
        #expect(detectedPHI("Name: Bosniak") == ["person:Bosniak"])
    }

    @Test func replacesLaterMentionsOfAKnownNameWithTheSamePlaceholder() {
        let result = pseudonymizeChecked("Herr Hans Müller wurde informiert. Hans Müller wünscht eine Kopie, Müller ebenso.")
        #expect(result.text == "Herr [PERSON_1] wurde informiert. [PERSON_1] wünscht eine Kopie, [PERSON_2] ebenso.")
        #expect(result.entities.map(\.original) == ["Hans Müller", "Müller"])
    }

    @Test func replacesLaterMentionsInCapitalsAndPossessives() {
        let result = pseudonymizeChecked("Mr Smith was informed. SMITH, copy to Smith's GP.")
        #expect(result.text == "Mr [PERSON_1] was informed. [PERSON_2], copy to [PERSON_1]'s GP.")
    }

    @Test func leavesCueWordsUsedAsNounsAlone() {
        #expect(detectedPHI("Die Patientin berichtet seit 3 Wochen über Schmerzen.").isEmpty)
        #expect(detectedPHI("Eine 67-jährige Frau mit Luftnot.").isEmpty)
        #expect(detectedPHI("Pat. Z.n. Hemikolektomie rechts.").isEmpty)
        #expect(detectedPHI("Patientin Mitte 50 mit Mammakarzinom.").isEmpty)
        #expect(detectedPHI("Sehr geehrter Herr Kollege, vielen Dank.").isEmpty)
        #expect(detectedPHI("Patient History: known Crohn disease.").isEmpty)
        #expect(detectedPHI("Multiple MS-Herde, Ms-Verdacht nicht bestätigt.").isEmpty)
    }

    @Test func findsNamesInCaselessSpeechRecognitionOutput() {
        #expect(detectedPHI("befund telefonisch an herrn doktor meier übermittelt") == ["person:meier"])
        #expect(detectedPHI("rücksprache mit frau schmidt erfolgt") == ["person:schmidt"])
        #expect(detectedPHI("name: krause") == ["person:krause"])
    }

    @Test func ignoresNounsAndAbbreviationsInCaselessText() {
        #expect(detectedPHI("eine 45-jährige frau mit luftnot").isEmpty)
        #expect(detectedPHI("die patientin klagt über schmerzen").isEmpty)
        #expect(detectedPHI("multiple ms herde periventrikulär").isEmpty)
        #expect(detectedPHI("the patient tolerated the procedure well").isEmpty)
    }

    @Test func replacesAMaidenNameAfterGeb() {
        #expect(detectedPHI("Frau Anna Schmidt geb. Krüger") == ["person:Anna Schmidt", "person:Krüger"])
    }
}
