import RadScribeLLM
import Testing

/// Dictation sentences without PHI that must come through unchanged: measurements, levels, scores, sequences,
/// durations, eponyms and German nouns after words that also cue names.
@Suite("Pseudonymizer: medical content stays")
struct MedicalCorpusTests {
    static let german = [
        "Befund: Leber normal groß, homogenes Parenchym, keine fokalen Läsionen.",
        "Zyste im Lebersegment 7 von 12 mm, unverändert zur Voruntersuchung.",
        "Mediolateraler Bandscheibenvorfall L4/5 links mit Kompression der Nervenwurzel L5.",
        "Osteochondrose HWK 5/6 und HWK 6/7, Spondylarthrose C5-C6.",
        "Keilwirbelkörper Th12 ohne Hinterkantenbeteiligung, LWK 1 mit 20 % Höhenminderung.",
        "Mammographie beidseits: ACR C, BI-RADS 4 rechts, Biopsie empfohlen.",
        "Rundherd im rechten Unterlappen 2,3 x 1,8 cm, SUV 5.4.",
        "Hypodense Läsion mit 12 HU, vereinbar mit einer Zyste, Bosniak II.",
        "Pleuraerguss rechts von ca. 450 ml.",
        "Die Patientin berichtet seit 3 Wochen über Rückenschmerzen.",
        "Eine 67-jährige Frau mit Luftnot und Fieber.",
        "Pat. Z.n. Hemikolektomie rechts 2019, jetzt Staging.",
        "Patient mit bekanntem Morbus Crohn, V.a. Fistel.",
        "Baker-Zyste in der rechten Kniekehle, 4 x 2 cm.",
        "Schatzki-Ring 2 cm oberhalb der Kardia ohne Stenose.",
        "Thrombozyten 150000/µl, Leukozyten 12000/µl laut Zuweiser.",
        "T2-gewichtet hyperintense Läsion, in T1 hypointens, keine Diffusionsrestriktion.",
        "Multiple MS-Herde periventrikulär, keine Schrankenstörung.",
        "Frau mit Z.n. Mastektomie links, Verlaufskontrolle nach 6 Monaten.",
        "Sehr geehrter Herr Kollege, vielen Dank für die Zuweisung.",
        "Zuweiser bittet um Rückruf.",
        "Hashimoto-Thyreoiditis mit vergrößerter Schilddrüse, rechter Lappen 5,2 cm.",
        "Kein Nachweis einer Lungenarterienembolie, Dichte im Truncus pulmonalis 320 HU.",
        "Lymphknoten bis 8 mm im Level II links, DD Morbus Hodgkin.",
        "Gleason 3+4=7 laut Biopsie, PI-RADS 5 Läsion in der peripheren Zone.",
        "Dosis-Längen-Produkt 1234 mGy*cm, CTDIvol 12,5 mGy.",
        "Kontrastmittel: 80 ml Imeron 350 i.v., Scan nach 70 s.",
        "Ring-Enhancement der Läsion, Durchmesser 15 mm, Verdacht auf Abszess.",
        "Patientin Mitte 50 mit bekanntem Mammakarzinom, Zustand nach Sturz, Frau Anfang 80 im Vergleich.",
        "Fettgehalt der Läsion -80 HU, vereinbar mit einem Angiomyolipom.",
        "Hüft-TEP links seit 2015, Lockerungssaum 2 mm am Trochanter.",
    ]

    static let english = [
        "FINDINGS: There is a 12 mm nodule in the right upper lobe, unchanged since 2 weeks.",
        "Mild degenerative changes at C5-C6 and C6-C7 without foraminal stenosis.",
        "The patient is a 54-year-old man with chronic cough.",
        "Patient History: known Crohn disease, status post ileocecal resection.",
        "Simple cyst of the left kidney measuring 3.5 cm, Bosniak I.",
        "BI-RADS 4 lesion at 10 o'clock, 8 mm from the nipple, ACR density C.",
        "Compared with the prior CT from 2021, no new lesions.",
        "Baker cyst in the right popliteal fossa measuring 4 x 2 cm.",
        "Hounsfield values of -80 HU consistent with fat.",
        "Findings were discussed with the referring physician at 14:30.",
        "Disc herniation at L4/5 with compression of the traversing L5 nerve root.",
        "Small pleural effusion of approximately 200 ml on the right.",
        "Fracture of the T12 vertebral body with 30% loss of height.",
        "No evidence of pulmonary embolism; SUVmax 5.4 in a mediastinal node.",
        "May represent atelectasis rather than pneumonia.",
        "Follow-up MRI in 6 months is recommended.",
        "Miss rate of small lesions is higher on non-contrast CT.",
        "Patient tolerated the procedure well.",
        "Ring-enhancing lesion in the right frontal lobe, 2.1 x 1.9 cm, with perifocal edema.",
        "Hyperintense on T2 and STIR, Modic type 1 changes at L5/S1.",
    ]

    @Test(arguments: MedicalCorpusTests.german + MedicalCorpusTests.english)
    func leavesASentenceWithoutPHIUnchanged(sentence: String) {
        let result = Pseudonymizer().pseudonymize(sentence)
        #expect(result.text == sentence)
        #expect(result.entities.isEmpty)
    }

    @Test func leavesTheCorpusUnchangedAsOneDictation() {
        let dictation = (Self.german + Self.english).joined(separator: "\n")
        #expect(Pseudonymizer().pseudonymize(dictation).text == dictation)
    }

    @Test func leavesTheCorpusUnchangedWhenSpokenInLowerCase() {
        for sentence in Self.german + Self.english {
            let spoken = sentence.lowercased()
            #expect(Pseudonymizer().pseudonymize(spoken).text == spoken)
        }
    }
}
