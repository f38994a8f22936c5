import RadScribeCore
import Testing

@testable import RadScribeReporting

@Suite("Exam classification")
struct ExamClassifierTests {
    // MARK: - Clear examples of every type

    @Test(arguments: [
        (
            ExamType.mammography,
            "Mammographie beidseits in zwei Ebenen. Parenchymdichte ACR Typ C. Rechts oberer äußerer Quadrant gruppierter Mikrokalk. "
                + "Beurteilung: BI-RADS 4a rechts, BI-RADS 1 links."
        ),
        (
            .spineMRI,
            "MRT der LWS nativ. Befund: In Höhe LWK 4/5 breitbasige Bandscheibenprotrusion mit hochgradiger Spinalkanalstenose. "
                + "Neuroforamina rechts mäßig eingeengt. Beurteilung: Bandscheibenprotrusion L4/5."
        ),
        (
            .ctScan,
            "CT Abdomen mit KM in portalvenöser Phase. Leber normal groß ohne fokale Läsionen. Nieren seitengleich kontrastiert. "
                + "Kein Aszites. Beurteilung: Unauffälliges CT des Abdomens."
        ),
        (
            .ultrasound,
            "Sonographie Abdomen: Leber normal groß, homogen echoreich. Gallenblase ohne Konkremente, kein Schallschatten. "
                + "Rechte Niere mit 12 mm echofreier Zyste."
        ),
        (
            .oncology,
            "Restaging unter Chemotherapie. Zielläsion 1: Lebermetastase 18 mm (zuvor 25 mm). Zielläsion 2: Lymphknoten 12 mm. "
                + "Summe der Durchmesser 30 mm. Beurteilung: Partielle Remission nach RECIST."
        ),
        (
            .cardiac,
            "Kardio-MRT: LVEF 45 %. Hypokinesie der basalen Hinterwand. Subendokardiales Late Enhancement inferior. "
                + "Beurteilung: Ischämische Kardiomyopathie."
        ),
        (
            .pathology,
            "Präparat: Hemikolektomie rechts. Mikroskopie: Mäßig differenziertes Adenokarzinom, G2. Resektionsränder tumorfrei (R0). "
                + "pT3 pN1a (1/18) L0 V0."
        ),
        (
            .general,
            "Röntgen Thorax in zwei Ebenen. Herz normal groß. Lunge beidseits frei belüftet. Kein Pleuraerguss, kein Pneumothorax."
        ),
    ])
    func classifiesAClearGermanExampleOfEveryType(expected: ExamType, text: String) throws {
        let classification = ReportFixture(text).classify()
        #expect(classification.examType == expected, "\(classification.scores)")
        #expect(classification.confidence >= ExamClassifier.singleAgentThreshold, "\(classification.scores)")
        #expect(classification.selection == .single)
        #expect(classification.agents == [expected])
    }

    @Test(arguments: [
        (
            ExamType.mammography,
            "Bilateral digital mammography with tomosynthesis. The breasts are heterogeneously dense. No suspicious mass or "
                + "microcalcifications. Impression: BI-RADS 1, negative."
        ),
        (
            .spineMRI,
            "MRI lumbar spine without contrast. At L4/5 there is a broad-based disc bulge with moderate spinal canal stenosis and "
                + "severe left neural foraminal stenosis. L5/S1: small central disc protrusion."
        ),
        (
            .ctScan,
            "CT chest with IV contrast, portal venous phase, slice thickness 1 mm. No pulmonary embolism. Mediastinum unremarkable. "
                + "Impression: Normal contrast-enhanced CT of the chest."
        ),
        (
            .ultrasound,
            "Ultrasound of the right upper quadrant. The liver is of normal size and echogenicity. There is a 2 cm anechoic cyst with "
                + "posterior acoustic enhancement. No gallstones or acoustic shadowing."
        ),
        (
            .oncology,
            "Restaging after four cycles of chemotherapy. Target lesion 1: liver metastasis 21 mm, previously 30 mm. Target lesion 2: "
                + "lymph node 10 mm. Sum of diameters 31 mm. Impression: partial response by RECIST 1.1."
        ),
        (
            .cardiac,
            "Cardiac MRI. LVEF 35%. Akinesia of the mid anteroseptal wall with transmural late gadolinium enhancement. "
                + "Coronary calcium score 410."
        ),
        (
            .pathology,
            "Specimen: left breast core biopsy. Microscopic description: invasive carcinoma of no special type, grade 2. "
                + "Immunohistochemistry: Ki-67 20 %."
        ),
        (
            .general,
            "PA and lateral views of the chest. The cardiac silhouette and mediastinum are within normal limits. No focal "
                + "consolidation, pleural effusion or pneumothorax. Impression: No acute cardiopulmonary disease."
        ),
    ])
    func classifiesAClearEnglishExampleOfEveryType(expected: ExamType, text: String) throws {
        let classification = ReportFixture(text, language: .en).classify()
        #expect(classification.examType == expected, "\(classification.scores)")
        #expect(classification.confidence >= ExamClassifier.singleAgentThreshold, "\(classification.scores)")
        #expect(classification.selection == .single)
    }

    // MARK: - Technique over incidental anatomy

    @Test(arguments: [
        (
            Language.en,
            "PA and lateral views of the chest. Heart size is normal. The lungs are clear. No pleural effusion or pneumothorax. "
                + "Degenerative changes of the thoracic spine with osteophytes."
        ),
        (
            .en,
            "The lungs are clear. No pleural effusion or pneumothorax. The heart is normal in size. Mild degenerative changes of the "
                + "thoracic spine. Compression deformity of the T9 vertebral body, unchanged."
        ),
        (
            .de,
            "Röntgen Thorax p.a. und seitlich. Herz normal groß. Lunge beidseits frei belüftet. Kein Pleuraerguss. "
                + "Osteochondrose und Spondylarthrose der BWS."
        ),
        (.de, "Herz normal groß. Lunge beidseits frei. Kein Erguss, kein Pneumothorax. Degenerative Veränderungen der BWS mit Osteochondrose."),
    ])
    func keepsAChestRadiographThatMentionsTheSpineGeneral(language: Language, text: String) throws {
        let classification = ReportFixture(text, language: language).classify()
        #expect(classification.examType == .general, "\(classification.scores)")
    }

    @Test(arguments: [
        (
            Language.en,
            "Frontal and lateral views of the chest. Coronary artery stent. The heart is normal in size with a left ventricular "
                + "configuration. Status post mitral valve replacement. Lungs are clear."
        ),
        (.de, "Thorax in zwei Ebenen. Stent der Koronararterien. Herz nicht vergrößert, linksventrikulär konfiguriert. Lunge frei. Kein Erguss."),
    ])
    func keepsAChestRadiographThatMentionsTheHeartGeneral(language: Language, text: String) throws {
        let classification = ReportFixture(text, language: language).classify()
        #expect(classification.examType == .general, "\(classification.scores)")
    }

    @Test(arguments: [
        (
            Language.en,
            "COMPARISON: CT chest from 2019.\nFINDINGS: The lungs are clear. No pleural effusion. Stable 8 mm nodule in the right upper "
                + "lobe.\nIMPRESSION: Stable nodule, compared to the prior CT. A CT could be performed for further characterization."
        ),
        (
            .de,
            "Vergleich: CT Thorax vom 12.03.2023.\nBefund: Lunge frei belüftet. Kein Erguss. Rundherd rechts apikal unverändert.\n"
                + "Beurteilung: Stationärer Rundherd. Eine CT-Kontrolle in sechs Monaten wird empfohlen."
        ),
    ])
    func countsComparedAndRecommendedExamsLittle(language: Language, text: String) throws {
        let classification = ReportFixture(text, language: language).classify()
        #expect(classification.examType == .general, "\(classification.scores)")
        let ct = try #require(classification.scores.first { $0.examType == .ctScan })
        #expect(ct.evidence.contains("CT"))
        #expect(ct.score < 0.3)
    }

    @Test(arguments: [
        (
            Language.de,
            "LWS: Osteochondrose L4/5 mit Modic-Typ-2-Veränderungen. Bandscheibenvorfall L5/S1 mit Kompression der Nervenwurzel S1. "
                + "Spinalkanal normal weit."
        ),
        (
            .en,
            "Lumbar spine: at L4/5 there is a broad-based disc bulge. At L5/S1 a left paracentral disc extrusion compresses the S1 "
                + "nerve root. The neural foramina are patent."
        ),
    ])
    func takesADenseSpineDictationWithoutNamedTechniqueForSpineMRI(language: Language, text: String) throws {
        let classification = ReportFixture(text, language: language).classify()
        #expect(classification.examType == .spineMRI, "\(classification.scores)")
    }

    @Test func takesASpineCTForACT() throws {
        let text = "CT der LWS nativ: Fraktur des LWK 1 ohne Hinterkantenbeteiligung. Spinalkanal normal weit. Osteochondrose L4/5."
        let classification = ReportFixture(text).classify()
        #expect(classification.examType == .ctScan, "\(classification.scores)")
    }

    @Test func takesATechniqueDescriptorForItsTechnique() throws {
        let classification = ReportFixture("Hypodense Läsion in Lebersegment VII, 12 mm. Knochenfenster unauffällig.").classify()
        #expect(classification.examType == .ctScan, "\(classification.scores)")
    }

    @Test func takesAPathologyDiagnosisWithoutMicroscopyForPathology() throws {
        let text = "FINAL DIAGNOSIS: Thyroid, right lobe, lobectomy (22.7 grams): multinodular goiter with dominant nodule."
        let classification = ReportFixture(text, language: .en).classify()
        #expect(classification.examType == .pathology, "\(classification.scores)")
    }

    // MARK: - Mixed cases and calibration

    @Test func runsAnEnsembleForAnOncologyCTFollowUp() throws {
        let fixture = ReportFixture(
            "CT Thorax/Abdomen mit KM in portalvenöser Phase zum Restaging bei metastasiertem Kolonkarzinom. "
                + "Lebermetastasen größenprogredient, Segment VII 25 mm (zuvor 18 mm). Beurteilung: Progrediente hepatische Filiae."
        )
        let classification = fixture.classify()
        #expect(classification.selection == .ensemble)
        #expect(classification.confidence < ExamClassifier.singleAgentThreshold)
        #expect(classification.agents.count == 3)
        #expect(Set(classification.agents.prefix(2)) == [.ctScan, .oncology])
    }

    @Test func keepsGeneralWhenThereIsNoEvidence() throws {
        let classification = ReportFixture("Unauffälliger Befund.").classify()
        #expect(classification.examType == .general)
        #expect(classification.confidence == 1)
        #expect(classification.selection == .single)
        let empty = ReportFixture("").classify()
        #expect(empty.examType == .general)
    }

    @Test func normalisesScoresToOneAndRanksThemWithEvidence() throws {
        let classification = ReportFixture("Mammographie: BI-RADS 2. Sonographie ergänzend: echofreie Zyste.").classify()
        let total = classification.scores.reduce(0) { $0 + $1.score }
        #expect(abs(total - 1) < 1e-9)
        #expect(classification.scores.count == ExamType.allCases.count)
        #expect(zip(classification.scores, classification.scores.dropFirst()).allSatisfy { $0.score >= $1.score })
        let mammography = try #require(classification.scores.first { $0.examType == .mammography })
        #expect(mammography.evidence.contains("Mammographie"))
        #expect(mammography.evidence.contains("BI-RADS"))
        let ultrasound = try #require(classification.scores.first { $0.examType == .ultrasound })
        #expect(ultrasound.evidence.contains("echofreie"))
        #expect(classification.confidence == classification.scores[0].score)
    }

    @Test func breaksTiesInExamTypeOrder() {
        let classification = ExamClassifier().classify(
            text: "",
            sections: [],
            findings: [],
            language: .de,
            context: ReportContext()
        )
        let zeroes = classification.scores.filter { $0.score == 0 }.map(\.examType)
        #expect(zeroes == ExamType.allCases.filter { $0 != .general })
    }

    @Test func countsRepeatedWordsOnce() throws {
        let once = ReportFixture("Sonographie. Leber unauffällig.").classify()
        let thrice = ReportFixture("Sonographie. Sonographie. Sonographie. Leber unauffällig.").classify()
        #expect(once.scores == thrice.scores)
    }

    @Test func isDeterministic() {
        let fixture = ReportFixture("CT Thorax: Rundherd im rechten Oberlappen 12 mm, zuvor 10 mm. Metastase?")
        #expect(fixture.classify() == fixture.classify())
    }

    // MARK: - Context

    @Test func takesTheModalityFromTheOrderAsStrongEvidence() throws {
        let text = "Leber mit 2 cm großer Läsion. Milz unauffällig."
        let withCT = ReportFixture(text).classify(context: ReportContext(modality: "CT"))
        #expect(withCT.examType == .ctScan)
        #expect(withCT.scores[0].evidence.contains("modality CT"))
        let withUS = ReportFixture(text).classify(context: ReportContext(modality: " us "))
        #expect(withUS.examType == .ultrasound)
        let withMG = ReportFixture("Kein Herdbefund.").classify(context: ReportContext(modality: "MG"))
        #expect(withMG.examType == .mammography)
        let withDX = ReportFixture("Kein Herdbefund.").classify(context: ReportContext(modality: "DX"))
        #expect(withDX.examType == .general)
    }

    @Test func takesTheBodyPartFromTheOrderAsStrongEvidence() throws {
        let classification = ReportFixture("Keine Auffälligkeiten.").classify(context: ReportContext(modality: "MR", bodyPart: "LSPINE"))
        #expect(classification.examType == .spineMRI)
        #expect(classification.scores[0].evidence.contains("LSPINE"))
    }

    // MARK: - Negation

    @Test func weighsNegatedEvidenceLess() throws {
        let text = "Thorax in zwei Ebenen. Keine Metastasen. Kein Rundherd."
        let fixture = ReportFixture(text)
        let plain = fixture.classify()
        let negated = fixture.classify(findings: [
            fixture.finding("Keine Metastasen.", assertion: .absent),
            fixture.finding("Kein Rundherd.", assertion: .absent),
        ])
        let plainOncology = try #require(plain.scores.first { $0.examType == .oncology }?.score)
        let negatedOncology = try #require(negated.scores.first { $0.examType == .oncology }?.score)
        #expect(negatedOncology < plainOncology)
        #expect(negated.examType == .general)
    }

    @Test func trustsAPresentConceptInAMixedSentence() throws {
        let text = "Kein Erguss, jedoch Lebermetastasen."
        let fixture = ReportFixture(text)
        let finding = fixture.finding(
            text,
            assertion: .absent,
            concepts: [fixture.concept("Lebermetastasen", id: "metastasis", assertion: .present)]
        )
        let withConcept = fixture.classify(findings: [finding])
        let wholeNegated = fixture.classify(findings: [fixture.finding(text, assertion: .absent)])
        let present = try #require(withConcept.scores.first { $0.examType == .oncology }?.score)
        let absent = try #require(wholeNegated.scores.first { $0.examType == .oncology }?.score)
        #expect(present > absent)
    }
}
