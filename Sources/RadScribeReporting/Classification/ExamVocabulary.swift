import RadScribeCore

/// How much a term counts for one exam type, and in which role.
struct ExamWeight: Sendable, Hashable {
    var examType: ExamType
    var weight: Double
    var role: EvidenceRole
}

/// The classifier's evidence: modality codes, and German and English words with their weights and roles per exam type.
///
/// Weights run from 1 (a word the type uses but others too) to 5 (a word that alone names the type, "BI-RADS",
/// "LVEF", "Zielläsion"). A word may count for several types ("Mammasonographie": mammography and ultrasound).
/// `general` collects the vocabulary of plain radiography and of body regions no specialised agent covers, so that a
/// chest X-ray wins as general instead of drifting to `cardiac` because it mentions the heart.
enum ExamVocabulary {
    /// Weight of the DICOM modality code from the order (`ReportContext.modality`).
    static func weights(forModality code: String) -> [ExamWeight] {
        switch code.uppercased() {
        case "MG": [ExamWeight(examType: .mammography, weight: 8, role: .modality(.mammography))]
        case "MR": [ExamWeight(examType: .spineMRI, weight: 2, role: .modality(.magneticResonance))]
        case "CT": [ExamWeight(examType: .ctScan, weight: 8, role: .modality(.computedTomography))]
        case "US": [ExamWeight(examType: .ultrasound, weight: 8, role: .modality(.ultrasound))]
        case "CR", "DX", "RF": [ExamWeight(examType: .general, weight: 6, role: .modality(.radiography))]
        case "PT": [ExamWeight(examType: .oncology, weight: 6, role: .modality(.nuclearMedicine))]
        case "NM":
            [
                ExamWeight(examType: .oncology, weight: 2, role: .modality(.nuclearMedicine)),
                ExamWeight(examType: .cardiac, weight: 2, role: .modality(.nuclearMedicine)),
            ]
        case "XA": [ExamWeight(examType: .cardiac, weight: 3, role: .modality(.angiography))]
        case "SM": [ExamWeight(examType: .pathology, weight: 8, role: .modality(.histology))]
        default: []
        }
    }

    /// Factor for words of `ReportContext.bodyPart`, which the order states rather than the dictation implies.
    static let bodyPartFactor = 2.0
    /// Weight of the first spinal level ("L4/5") in the text, a supporting term of spine MRI.
    static let spinalLevelWeight = 3.0
    /// What `general` starts with, so that a text with little evidence stays general.
    static let generalPrior = 2.0
    /// Factor for a term that the findings negate ("kein Bandscheibenvorfall" still says spine, but less).
    static let negatedFactor = 0.4
    /// Factor for the evidence of a type that is not corroborated: no technique of its own named, and its specific
    /// terms in fewer than ``corroboratingSentences`` sentences.
    static let uncorroboratedFactor = 0.25
    /// Specific terms in this many sentences corroborate a type without its technique being named.
    static let corroboratingSentences = 2
    /// Factor for the non-technique evidence of a type when the dictation names only techniques the type is not done with.
    static let foreignModalityFactor = 0.3

    /// The word table.
    static let terms: PhraseTable<[ExamWeight]> = {
        var merged: [(String, [ExamWeight])] = []
        var positions: [String: Int] = [:]
        for group in groups {
            for phrase in group.phrases {
                let weight = ExamWeight(examType: group.examType, weight: group.weight, role: group.role)
                if let position = positions[phrase] {
                    merged[position].1.append(weight)
                } else {
                    positions[phrase] = merged.count
                    merged.append((phrase, [weight]))
                }
            }
        }
        return PhraseTable(entries: merged)
    }()

    private struct Group {
        var examType: ExamType
        var weight: Double
        var role: EvidenceRole
        var phrases: [String]

        init(_ examType: ExamType, _ weight: Double, _ role: EvidenceRole, _ phrases: [String]) {
            self.examType = examType
            self.weight = weight
            self.role = role
            self.phrases = phrases
        }
    }

    private static let groups: [Group] = mammography + spineMRI + computedTomography + ultrasound + oncology + cardiac + pathology + general

    private static let mammography = [
        Group(
            .mammography,
            5,
            .modality(.mammography),
            ["mammographie", "mammografie", "mammogramm", "mammography", "mammogram", "mammograms", "tomosynthese", "tomosynthesis"]
        ),
        Group(.mammography, 5, .modality(.ultrasound), ["mammasonographie", "mammasonografie"]),
        Group(.mammography, 5, .modality(.magneticResonance), ["mamma-mrt", "mamma-mr", "breast mri"]),
        Group(.mammography, 5, .specific, ["bi-rads", "birads"]),
        Group(
            .mammography,
            3,
            .specific,
            [
                "drüsenparenchym", "drüsenkörper", "fibroglandular", "fibroglandulär*", "parenchymdichte", "brustdichte", "mikrokalk",
                "mikrokalzifikation*", "mikroverkalkung*", "microcalcification*", "retromamillär*", "retroareolar", "subareolar",
                "architekturstörung*", "architectural distortion", "mlo", "craniocaudal", "mediolateral oblique", "ober* äußer* quadrant*",
                "ober* inner* quadrant*", "unter* äußer* quadrant*", "unter* inner* quadrant*", "upper outer quadrant",
                "upper inner quadrant", "lower outer quadrant", "lower inner quadrant", "uoq", "uiq", "loq", "liq", "oaq", "oiq", "uaq",
                "axillary tail", "heterogeneously dense", "extremely dense", "scattered fibroglandular",
            ]
        ),
        Group(.mammography, 3, .supporting, ["mamma", "mammae", "brust", "breast", "breasts", "mamille", "mamillen", "nipple"]),
        Group(
            .mammography,
            1,
            .supporting,
            ["cc", "quadrant*", "acr", "axilla", "axillär*", "axillary", "mastektomie", "mastectomy", "lumpektomie", "lumpectomy"]
        ),
    ]

    private static let spineMRI = [
        Group(
            .spineMRI,
            1.5,
            .modality(.magneticResonance),
            [
                "mrt", "mr", "mri", "magnetresonanztomographie", "magnetresonanztomografie", "magnetic resonance", "kernspintomographie",
                "kernspin", "t1", "t2", "stir", "t1w", "t2w", "tirm", "flair", "tse", "dwi", "fettsättigung", "fat saturation",
                "fat-saturated", "opposed-phase", "in-phase", "gadolinium", "signalanhebung*", "signalabsenkung*", "signalabfall",
                "signal intensity", "hyperintens*", "hypointens*", "isointens*", "hyperintense", "hypointense", "isointense",
            ]
        ),
        Group(
            .spineMRI,
            5,
            .specific,
            [
                "bandscheibe*", "bandscheibenvorfall", "bandscheibenvorfälle", "bandscheibenprotrusion*", "bandscheibenvorwölbung*",
                "bandscheibenprolaps", "bandscheibenextrusion*", "bandscheibenfach", "diskusprolaps", "diskushernie", "discushernie", "prolaps",
                "disc herniation", "disk herniation", "herniated disc", "herniated disk", "disc bulge", "disc protrusion", "disc extrusion",
                "spinalkanal*", "spinalkanalstenose*", "neuroforamen", "neuroforamina", "neuroforaminal*", "neuroforamenstenose*",
                "foramenstenose*", "spinal canal", "spinal stenosis", "canal stenosis", "foraminal stenosis", "neural foramen",
                "neural foramina", "rezessus*", "recessus", "lateral recess", "lumboischialgie", "ischialgie", "radikulopathie",
                "radiculopathy", "sciatica", "spondylolisthesis", "spondylolisthese", "facettengelenk*", "facet joint", "facet joints", "modic",
                "myelon", "conus medullaris", "konus", "cauda equina",
            ]
        ),
        Group(
            .spineMRI,
            3,
            .specific,
            [
                "protrusion", "protrusions", "extrusion", "herniation", "bulging", "nervenwurzel*", "nerve root", "nerve roots", "sequester",
                "foraminal", "osteochondrose*", "spondylarthrose*", "facettengelenksarthrose*", "facet arthropathy", "myelopathie",
                "myelopathy", "spondylodiszitis", "spondylodiscitis",
            ]
        ),
        Group(
            .spineMRI,
            3,
            .supporting,
            [
                "lws", "hws", "bws", "wirbelsäule", "lendenwirbelsäule", "halswirbelsäule", "brustwirbelsäule", "spine", "lumbar spine",
                "cervical spine", "thoracic spine", "lspine", "cspine", "tspine",
            ]
        ),
        Group(
            .spineMRI,
            3,
            .supporting,
            ["wirbelkörper*", "vertebral body", "vertebral bodies", "foramen", "foramina", "dornfortsatz", "lumbal*", "lumbar", "lumbago"]
        ),
        Group(.spineMRI, 1.5, .supporting, ["sagittal", "sagittale*", "zervikal*", "cervical"]),
    ]

    private static let computedTomography = [
        Group(
            .ctScan,
            5,
            .modality(.computedTomography),
            [
                "ct", "computertomographie", "computertomografie", "computed tomography", "mdct", "mehrzeilen-ct", "spiral-ct", "thorax-ct",
                "hrct", "cta", "ct-angiographie", "ct-angiografie", "ct angiography",
            ]
        ),
        Group(.ctScan, 3, .modality(.computedTomography), ["pet-ct", "pet/ct"]),
        Group(.ctScan, 5, .technique(.computedTomography), ["hounsfield", "dlp", "ctdi", "ctdivol"]),
        Group(
            .ctScan,
            3,
            .technique(.computedTomography),
            [
                "hu", "low-dose", "hypodens*", "hyperdens*", "isodens*", "hypodense", "hyperdense", "isodense", "weichteilfenster",
                "knochenfenster", "lungenfenster", "soft tissue window", "bone window", "lung window",
            ]
        ),
        Group(.ctScan, 5, .specific, ["portalvenös*", "portal venous"]),
        Group(
            .ctScan,
            3,
            .specific,
            [
                "non-contrast", "noncontrast", "unenhanced", "arterielle phase", "arteriellen phase", "arterial phase", "venöse phase",
                "venous phase", "spätphase", "delayed phase", "multiplanar*", "mpr", "schichtdicke", "slice thickness", "kontrastmittelbolus",
                "iv contrast", "i.v. contrast", "reformatierung*", "reformation*",
            ]
        ),
        Group(.ctScan, 1, .supporting, ["nativ", "kontrastmittel", "kontrastmittelgabe", "km", "km-gabe", "contrast", "axial*", "rekonstruktion*"]),
    ]

    private static let ultrasound = [
        Group(
            .ultrasound,
            5,
            .modality(.ultrasound),
            [
                "sonographie", "sonografie", "*sonographie", "*sonografie", "sono", "ultraschall", "ultrasound", "sonography", "sonographic",
                "sonographically", "sonographisch*", "duplexsonographie", "farbduplex*", "dopplersonographie",
            ]
        ),
        Group(.ultrasound, 3, .modality(.ultrasound), ["mammasonographie", "mammasonografie", "breast ultrasound"]),
        Group(
            .ultrasound,
            5,
            .technique(.ultrasound),
            [
                "echoarm*", "echoreich*", "echofrei*", "isoechogen*", "hypoechogen*", "hyperechogen*", "echogleich*", "hypoechoic",
                "hyperechoic", "anechoic", "isoechoic", "echogenicity", "echogenität", "schallschatten", "schallverstärkung",
                "acoustic shadowing", "posterior acoustic enhancement", "b-bild", "schallkopf", "transducer",
            ]
        ),
        Group(.ultrasound, 3, .specific, ["doppler", "duplex", "echogenic", "echogen*", "us", "sonographer", "perfundiert", "vaskularisiert*"]),
    ]

    private static let oncology = [
        Group(.oncology, 5, .modality(.nuclearMedicine), ["fdg", "suv", "suvmax", "pet-ct", "pet/ct", "pet", "psma"]),
        Group(
            .oncology,
            5,
            .specific,
            [
                "recist", "zielläsion*", "target lesion", "target lesions", "non-target", "nicht-zielläsion*", "restaging",
                "summe der durchmesser", "sum of diameters", "sum of the longest diameters", "sld", "therapieansprechen",
                "komplette remission", "partielle remission", "teilremission", "complete remission", "complete response", "partial response",
                "stable disease", "progressive disease", "progressionsfreies",
            ]
        ),
        Group(
            .oncology,
            3.5,
            .specific,
            [
                "staging", "größenprogredient*", "größenregredient*", "progredient*", "regredient*", "progression", "regression", "remission",
                "peritonealkarzinose", "tumorlast", "tumor burden",
            ]
        ),
        Group(
            .oncology,
            3.5,
            .supporting,
            [
                "metastase*", "*metastase*", "metastasis", "metastases", "metastatic", "metastasiert*", "filiae", "filia", "chemotherapie",
                "chemotherapy", "immuntherapie", "immunotherapy", "radiochemotherapie", "zyklen", "cycles", "onkologisch*", "oncologic",
                "oncological", "lymphom*", "lymphoma", "malignom*",
            ]
        ),
        Group(
            .oncology,
            2,
            .supporting,
            [
                "karzinom*", "*karzinom*", "carcinoma", "tumor", "tumour", "tumorös*", "neoplasie", "neoplasm", "malignant", "maligne*",
                "rundherd*", "raumforderung*", "lymphadenopathie", "lymphadenopathy",
            ]
        ),
        Group(
            .oncology,
            1,
            .supporting,
            ["verlaufskontrolle", "vorbefund", "zuvor", "previously", "lymphknoten*", "lymph node", "lymph nodes", "läsion*", "lesion", "lesions"]
        ),
    ]

    private static let cardiac = [
        Group(
            .cardiac,
            5,
            .modality(.ultrasound),
            ["echokardiographie", "echokardiografie", "echocardiography", "echocardiogram", "transthorakale echokardiographie"]
        ),
        Group(.cardiac, 3, .modality(.ultrasound), ["tte", "tee"]),
        Group(.cardiac, 5, .modality(.magneticResonance), ["kardio-mrt", "herz-mrt", "cardiac mri", "cardiac mr", "cardiac magnetic resonance"]),
        Group(.cardiac, 5, .modality(.computedTomography), ["kardio-ct", "herz-ct", "cardiac ct", "coronary ct", "koronar-ct", "ccta"]),
        Group(.cardiac, 5, .modality(.angiography), ["koronarangiographie", "koronarangiografie", "coronary angiography"]),
        Group(
            .cardiac,
            5,
            .specific,
            [
                "lvef", "ejektionsfraktion", "ejection fraction", "agatston", "agatston-score", "kalkscore", "kalziumscore", "calcium score",
                "coronary calcium", "cac", "cad-rads", "wandbewegung*", "wandbewegungsstörung*", "wall motion", "hypokinesie*", "akinesie*",
                "dyskinesie*", "normokinesie*", "hypokinetisch*", "akinetisch*", "dyskinetisch*", "normokinetisch*", "hypokinesia",
                "akinesia", "dyskinesia", "hypokinesis", "akinesis", "dyskinesis", "hypokinetic", "akinetic", "dyskinetic", "normokinetic",
                "late enhancement", "late gadolinium enhancement", "lge",
            ]
        ),
        Group(
            .cardiac,
            3,
            .specific,
            [
                "ef", "enddiastolisch*", "end-diastolic", "endsystolisch*", "end-systolic", "pumpfunktion", "systolische funktion",
                "diastolische funktion", "systolic function", "diastolic function", "ventricular function", "ventrikelfunktion",
            ]
        ),
        Group(
            .cardiac,
            3,
            .supporting,
            [
                "koronarien", "koronararterie*", "coronary artery", "coronary arteries", "myokard*", "myocardial", "myocardium",
                "linksventrikulär*", "left ventricular", "rechtsventrikulär*", "right ventricular", "koronar*", "coronary", "lad", "ria",
                "rca", "rcx", "lcx", "ramus interventricularis", "ventrikel", "ventricle", "ventricular", "perikard*", "pericardial",
                "pericardium", "aortenklappe", "mitralklappe", "aortic valve", "mitral valve", "septum", "kardiomyopathie", "cardiomyopathy",
            ]
        ),
        Group(.cardiac, 1, .supporting, ["herz", "heart", "kardial*", "cardiac", "infarkt", "infarction", "stent"]),
    ]

    private static let pathology = [
        Group(
            .pathology,
            5,
            .modality(.histology),
            [
                "histologie", "histologisch*", "histology", "histologic", "histological", "histopathologie", "histopathology",
                "histopathologic", "histopathological", "histologically", "mikroskopie", "mikroskopisch*", "microscopic", "microscopy", "makroskopie",
                "makroskopisch*", "macroscopic", "gross description", "immunhistochemie", "immunhistochemisch*", "immunohistochemistry",
                "zytologie", "zytologisch*", "cytology", "cytologic", "final diagnosis", "pathologic diagnosis", "pathological diagnosis",
                "frozen section", "schnellschnitt", "flow cytometry", "durchflusszytometrie", "präparat", "präparate", "specimen", "specimens",
                "resektat*", "exzisat*", "einsendung",
                "untersuchungsgut",
            ]
        ),
        Group(.pathology, 3, .modality(.histology), ["pcr", "molekularpathologie", "molecular pathology"]),
        Group(
            .pathology,
            5,
            .specific,
            [
                "resektionsrand", "resektionsränder", "resection margin", "resection margins", "grading", "ki-67", "ki67", "hämatoxylin",
                "h&e", "he-färbung", "tumorzellen", "tumor cells", "in sano",
            ]
        ),
        Group(
            .pathology,
            3,
            .specific,
            [
                "g1", "g2", "g3", "g4", "r0", "r1", "r2", "differenziert*", "differentiated", "adenokarzinom*", "adenocarcinoma",
                "plattenepithelkarzinom*", "squamous cell carcinoma", "dysplasie", "dysplasia", "färbung", "staining", "stanzzylinder", "pt1",
                "pt2", "pt3", "pt4", "pn0", "pn1", "pn2", "carcinoma in situ", "fragments", "fragmente", "grams", "gramm",
                "rejection", "abstoßung*", "aspirate", "slides", "pre-op diagnosis", "preoperative diagnosis", "post-op diagnosis",
                "postoperative diagnosis",
            ]
        ),
        Group(
            .pathology,
            1.5,
            .supporting,
            [
                "stanzbiopsie*", "core biopsy", "biopsie*", "biopsy", "needle biopsy", "invasiv*", "invasive", "margin", "margins",
                "resection", "resektion", "excision", "exzision", "*ektomie", "*ectomy", "benign", "benigne*",
            ]
        ),
    ]

    private static let general = [
        Group(
            .general,
            3,
            .modality(.radiography),
            [
                "röntgen", "röntgenthorax", "röntgen-thorax", "röntgenaufnahme*", "röntgenologisch*", "thoraxaufnahme*", "übersichtsaufnahme*",
                "aufnahme in zwei ebenen", "in zwei ebenen", "liegendaufnahme", "bettaufnahme", "x-ray", "xray", "cxr", "radiograph",
                "radiographs", "radiography", "radiographic", "radiographically", "chest film", "two views", "pa and lateral",
                "ap and lateral", "frontal and lateral", "pa view", "ap view", "frontal view", "lateral view", "portable chest",
            ]
        ),
        Group(
            .general,
            2,
            .supporting,
            [
                "schädel", "neurokranium", "skull", "knie", "knee", "schulter", "shoulder", "hüfte", "hip", "sprunggelenk", "ankle", "handgelenk",
                "wrist", "ellenbogen", "elbow", "nasennebenhöhlen", "sinuses", "meniskus", "menisken", "meniscus", "menisci", "kreuzband*",
                "cruciate ligament", "rotatorenmanschette", "rotator cuff", "supraspinatus*", "labrum",
            ]
        ),
        Group(
            .general,
            1,
            .supporting,
            [
                "kopf", "head", "becken", "pelvis", "thorax", "chest", "lunge*", "lungs", "lung", "pneumothorax", "infiltrat*", "consolidation",
                "pleuraerguss", "erguss", "pleural effusion", "effusion", "zwerchfell*", "diaphragm", "hemidiaphragm", "cardiomediastinal",
                "mediastinum", "herzschatten", "cardiac silhouette", "hili", "hilär*", "hilar", "fraktur*", "fracture", "osseous",
                "atelektase*", "atelectasis", "stauung", "congestion", "edema", "ödem", "abdomen", "leber", "liver", "milz", "spleen",
                "pankreas", "pancreas", "niere", "nieren", "kidney", "kidneys", "nebenniere*", "adrenal", "gallenblase", "gallbladder",
                "gallengänge", "bile ducts", "darm", "bowel", "magen", "stomach", "harnblase", "bladder", "mesenterium", "mesentery",
            ]
        ),
    ]
}
