/// A language of the speech benchmark, with the espeak-ng voice that speaks it.
enum BenchLanguage: String, CaseIterable, Codable, Sendable {
    case en
    case de

    /// The espeak-ng voice for this language.
    var espeakVoice: String {
        switch self {
        case .en: "en-us"
        case .de: "de"
        }
    }
}

/// One sentence of a benchmark dictation.
///
/// `spoken` is what espeak-ng says (numbers and units as words); `written` is what the server should send back after
/// its dictation normalisation ("two centimeters" → "2 cm", "zwei Komma vier Zentimeter" → "2,4 cm"); `terms` are
/// the medical terms the final text must contain.
struct BenchSentence: Sendable, Equatable {
    var spoken: String
    var written: String
    var terms: [String]

    /// A sentence that the normaliser writes as it is spoken.
    init(_ text: String, terms: [String]) {
        self.init(spoken: text, written: text, terms: terms)
    }

    /// A sentence whose written form differs from the spoken one.
    init(spoken: String, written: String, terms: [String]) {
        self.spoken = spoken
        self.written = written
        self.terms = terms
    }
}

/// A short radiology dictation of the benchmark: a few sentences in one language.
struct BenchDictation: Sendable, Equatable {
    var name: String
    var language: BenchLanguage
    var sentences: [BenchSentence]

    /// The expected text of the whole dictation.
    var writtenText: String { sentences.map(\.written).joined(separator: " ") }

    /// The medical terms of all sentences.
    var terms: [String] { sentences.flatMap(\.terms) }
}

/// The built-in dictations: ten English and ten German findings with sides, measurements and negations, written
/// for this benchmark.
enum SpeechBenchCorpus {
    /// The dictations in the given languages, English first.
    static func dictations(in languages: [BenchLanguage]) -> [BenchDictation] {
        all.filter { languages.contains($0.language) }
    }

    /// All built-in dictations.
    static let all: [BenchDictation] = english + german

    private static let english: [BenchDictation] = [
        BenchDictation(
            name: "chest-radiograph",
            language: .en,
            sentences: [
                BenchSentence("No pneumothorax.", terms: ["pneumothorax"]),
                BenchSentence(
                    spoken: "Small left pleural effusion measuring two centimeters.",
                    written: "Small left pleural effusion measuring 2 cm.",
                    terms: ["pleural effusion"]
                ),
                BenchSentence("The cardiomediastinal silhouette is within normal limits.", terms: ["cardiomediastinal silhouette"]),
            ]
        ),
        BenchDictation(
            name: "head-ct",
            language: .en,
            sentences: [
                BenchSentence("No acute intracranial hemorrhage.", terms: ["intracranial hemorrhage"]),
                BenchSentence("No midline shift.", terms: ["midline shift"]),
                BenchSentence(
                    "Chronic small vessel ischemic changes in the periventricular white matter.",
                    terms: ["small vessel", "ischemic", "periventricular white matter"]
                ),
            ]
        ),
        BenchDictation(
            name: "appendicitis-ct",
            language: .en,
            sentences: [
                BenchSentence(
                    spoken: "The appendix is dilated to twelve millimeters with periappendiceal fat stranding.",
                    written: "The appendix is dilated to 12 mm with periappendiceal fat stranding.",
                    terms: ["appendix", "periappendiceal", "fat stranding"]
                ),
                BenchSentence("No free air.", terms: ["free air"]),
                BenchSentence("Findings are consistent with acute appendicitis.", terms: ["appendicitis"]),
            ]
        ),
        BenchDictation(
            name: "gallbladder-ultrasound",
            language: .en,
            sentences: [
                BenchSentence("Multiple gallstones without gallbladder wall thickening.", terms: ["gallstones", "gallbladder wall thickening"]),
                BenchSentence(
                    spoken: "The common bile duct measures four millimeters.",
                    written: "The common bile duct measures 4 mm.",
                    terms: ["common bile duct"]
                ),
                BenchSentence("No intrahepatic biliary dilatation.", terms: ["intrahepatic", "biliary dilatation"]),
            ]
        ),
        BenchDictation(
            name: "lung-nodule-ct",
            language: .en,
            sentences: [
                BenchSentence(
                    spoken: "A nine millimeter solid nodule in the right lower lobe.",
                    written: "A 9 mm solid nodule in the right lower lobe.",
                    terms: ["nodule", "right lower lobe"]
                ),
                BenchSentence("No mediastinal lymphadenopathy.", terms: ["mediastinal lymphadenopathy"]),
                BenchSentence("Follow-up CT in three months is recommended.", terms: ["CT"]),
            ]
        ),
        BenchDictation(
            name: "knee-mri",
            language: .en,
            sentences: [
                BenchSentence("Complex tear of the posterior horn of the medial meniscus.", terms: ["posterior horn", "medial meniscus"]),
                BenchSentence("The anterior cruciate ligament is intact.", terms: ["anterior cruciate ligament"]),
                BenchSentence("Small joint effusion.", terms: ["joint effusion"]),
            ]
        ),
        BenchDictation(
            name: "renal-ultrasound",
            language: .en,
            sentences: [
                BenchSentence(
                    spoken: "The right kidney measures eleven centimeters.",
                    written: "The right kidney measures 11 cm.",
                    terms: ["kidney"]
                ),
                BenchSentence("Mild hydronephrosis on the left.", terms: ["hydronephrosis"]),
                BenchSentence("No renal calculi.", terms: ["renal calculi"]),
            ]
        ),
        BenchDictation(
            name: "liver-ct",
            language: .en,
            sentences: [
                BenchSentence(
                    spoken: "Two hypodense lesions in segment seven of the liver, the larger measuring two point four centimeters.",
                    written: "Two hypodense lesions in segment 7 of the liver, the larger measuring 2.4 cm.",
                    terms: ["hypodense", "liver"]
                ),
                BenchSentence("Suspicious for metastases.", terms: ["metastases"]),
                BenchSentence("No ascites.", terms: ["ascites"]),
            ]
        ),
        BenchDictation(
            name: "pulmonary-embolism-cta",
            language: .en,
            sentences: [
                BenchSentence(
                    "Filling defects in the right and left lower lobe pulmonary arteries, consistent with pulmonary embolism.",
                    terms: ["filling defects", "pulmonary arteries", "pulmonary embolism"]
                ),
                BenchSentence("The right ventricle is not dilated.", terms: ["right ventricle"]),
            ]
        ),
        BenchDictation(
            name: "lumbar-spine-mri",
            language: .en,
            sentences: [
                BenchSentence(
                    "Mild degenerative disc disease of the lumbar spine with a small posterior disc protrusion.",
                    terms: ["degenerative disc disease", "lumbar spine", "disc protrusion"]
                ),
                BenchSentence("No spinal canal stenosis.", terms: ["spinal canal stenosis"]),
                BenchSentence("No vertebral body fracture.", terms: ["vertebral body fracture"]),
                BenchSentence("The conus medullaris is normal.", terms: ["conus medullaris"]),
            ]
        ),
    ]

    private static let german: [BenchDictation] = [
        BenchDictation(
            name: "thorax-roentgen",
            language: .de,
            sentences: [
                BenchSentence("Kein Pneumothorax.", terms: ["Pneumothorax"]),
                BenchSentence(
                    spoken: "Kleiner Pleuraerguss links mit einer Breite von zwei Zentimetern.",
                    written: "Kleiner Pleuraerguss links mit einer Breite von 2 cm.",
                    terms: ["Pleuraerguss"]
                ),
                BenchSentence("Das Herz ist normal groß.", terms: ["Herz"]),
            ]
        ),
        BenchDictation(
            name: "schaedel-ct",
            language: .de,
            sentences: [
                BenchSentence("Keine intrakranielle Blutung.", terms: ["intrakranielle Blutung"]),
                BenchSentence("Keine Mittellinienverlagerung.", terms: ["Mittellinienverlagerung"]),
                BenchSentence("Mikroangiopathische Marklagerveränderungen beidseits.", terms: ["mikroangiopathisch", "Marklager"]),
            ]
        ),
        BenchDictation(
            name: "appendizitis-ct",
            language: .de,
            sentences: [
                BenchSentence(
                    spoken: "Die Appendix ist auf zwölf Millimeter erweitert mit Imbibierung des umgebenden Fettgewebes.",
                    written: "Die Appendix ist auf 12 mm erweitert mit Imbibierung des umgebenden Fettgewebes.",
                    terms: ["Appendix", "Imbibierung", "Fettgewebe"]
                ),
                BenchSentence("Keine freie Luft.", terms: ["freie Luft"]),
                BenchSentence("Befund vereinbar mit einer akuten Appendizitis.", terms: ["Appendizitis"]),
            ]
        ),
        BenchDictation(
            name: "gallenblase-sonographie",
            language: .de,
            sentences: [
                BenchSentence(
                    "Multiple Gallensteine ohne Wandverdickung der Gallenblase.",
                    terms: ["Gallensteine", "Wandverdickung", "Gallenblase"]
                ),
                BenchSentence(
                    spoken: "Der Ductus choledochus misst vier Millimeter.",
                    written: "Der Ductus choledochus misst 4 mm.",
                    terms: ["Ductus choledochus"]
                ),
                BenchSentence("Keine intrahepatische Cholestase.", terms: ["intrahepatisch", "Cholestase"]),
            ]
        ),
        BenchDictation(
            name: "lungenrundherd-ct",
            language: .de,
            sentences: [
                BenchSentence(
                    spoken: "Solider Rundherd im rechten Unterlappen mit einem Durchmesser von neun Millimetern.",
                    written: "Solider Rundherd im rechten Unterlappen mit einem Durchmesser von 9 mm.",
                    terms: ["Rundherd", "Unterlappen"]
                ),
                BenchSentence("Keine mediastinale Lymphadenopathie.", terms: ["mediastinal", "Lymphadenopathie"]),
                BenchSentence("Eine Verlaufskontrolle in drei Monaten wird empfohlen.", terms: ["Verlaufskontrolle"]),
            ]
        ),
        BenchDictation(
            name: "knie-mrt",
            language: .de,
            sentences: [
                BenchSentence("Komplexer Riss im Hinterhorn des Innenmeniskus.", terms: ["Hinterhorn", "Innenmeniskus"]),
                BenchSentence("Das vordere Kreuzband ist intakt.", terms: ["Kreuzband"]),
                BenchSentence("Geringer Gelenkerguss.", terms: ["Gelenkerguss"]),
            ]
        ),
        BenchDictation(
            name: "nieren-sonographie",
            language: .de,
            sentences: [
                BenchSentence(
                    spoken: "Die rechte Niere misst elf Zentimeter.",
                    written: "Die rechte Niere misst 11 cm.",
                    terms: ["Niere"]
                ),
                BenchSentence("Geringe Harnstauung links.", terms: ["Harnstauung"]),
                BenchSentence("Keine Nierensteine.", terms: ["Nierensteine"]),
            ]
        ),
        BenchDictation(
            name: "leber-ct",
            language: .de,
            sentences: [
                BenchSentence(
                    spoken: "Zwei hypodense Läsionen in der Leber, die größere misst zwei Komma vier Zentimeter.",
                    written: "Zwei hypodense Läsionen in der Leber, die größere misst 2,4 cm.",
                    terms: ["hypodens", "Läsionen", "Leber"]
                ),
                BenchSentence("Verdacht auf Metastasen.", terms: ["Metastasen"]),
                BenchSentence("Kein Aszites.", terms: ["Aszites"]),
            ]
        ),
        BenchDictation(
            name: "lungenembolie-cta",
            language: .de,
            sentences: [
                BenchSentence(
                    "Füllungsdefekte in den Unterlappenarterien beidseits, vereinbar mit einer Lungenarterienembolie.",
                    terms: ["Füllungsdefekte", "Unterlappenarterien", "Lungenarterienembolie"]
                ),
                BenchSentence("Der rechte Ventrikel ist nicht dilatiert.", terms: ["Ventrikel", "dilatiert"]),
            ]
        ),
        BenchDictation(
            name: "lws-mrt",
            language: .de,
            sentences: [
                BenchSentence(
                    "Degenerative Bandscheibenveränderungen der Lendenwirbelsäule mit kleiner dorsaler Protrusion.",
                    terms: ["Bandscheibenveränderungen", "Lendenwirbelsäule", "Protrusion"]
                ),
                BenchSentence("Keine Spinalkanalstenose.", terms: ["Spinalkanalstenose"]),
                BenchSentence("Keine Wirbelkörperfraktur.", terms: ["Wirbelkörperfraktur"]),
                BenchSentence("Der Conus medullaris ist regelrecht.", terms: ["Conus medullaris"]),
            ]
        ),
    ]
}
