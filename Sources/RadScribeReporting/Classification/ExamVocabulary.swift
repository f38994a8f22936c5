import RadScribeCore

/// How much a term counts for one exam type.
struct ExamWeight: Sendable, Hashable {
    var examType: ExamType
    var weight: Double
}

/// The classifier's evidence: modality codes, and German and English words with their weights per exam type.
///
/// Weights run from 0.5 (a word the type uses but others too) to 5 (a word that alone names the type, "BI-RADS",
/// "LVEF", "Zielläsion"). A word may count for several types ("Mammasonographie": mammography and ultrasound).
/// `general` collects the vocabulary of plain radiography and of body regions no specialised agent covers, so that a
/// chest X-ray wins as general instead of drifting to `cardiac` because it mentions the heart.
enum ExamVocabulary {
    /// Weight of the DICOM modality code from the order (`ReportContext.modality`).
    static func weights(forModality code: String) -> [ExamWeight] {
        switch code.uppercased() {
        case "MG": [ExamWeight(examType: .mammography, weight: 8)]
        case "MR": [ExamWeight(examType: .spineMRI, weight: 2)]
        case "CT": [ExamWeight(examType: .ctScan, weight: 8)]
        case "US": [ExamWeight(examType: .ultrasound, weight: 8)]
        case "CR", "DX", "RF": [ExamWeight(examType: .general, weight: 6)]
        case "PT": [ExamWeight(examType: .oncology, weight: 6)]
        case "NM": [ExamWeight(examType: .oncology, weight: 2), ExamWeight(examType: .cardiac, weight: 2)]
        case "XA": [ExamWeight(examType: .cardiac, weight: 3)]
        case "SM": [ExamWeight(examType: .pathology, weight: 8)]
        default: []
        }
    }

    /// Factor for words of `ReportContext.bodyPart`, which the order states rather than the dictation implies.
    static let bodyPartFactor = 2.0
    /// Weight of the first spinal level ("L4/5") in the text.
    static let spinalLevelWeight = 3.0
    /// What `general` starts with, so that a text with little evidence stays general.
    static let generalPrior = 2.0
    /// Factor for a term that the findings negate ("kein Bandscheibenvorfall" still says spine, but less).
    static let negatedFactor = 0.4

    /// The word table.
    static let terms: PhraseTable<[ExamWeight]> = {
        let groups: [(ExamType, Double, [String])] = [
            // Mammography
            (
                .mammography, 5,
                [
                    "mammographie", "mammografie", "mammogramm", "mammography", "mammogram", "mammograms", "tomosynthese", "tomosynthesis",
                    "bi-rads", "birads", "mammasonographie", "mammasonografie", "mamma-mrt", "breast mri",
                ]
            ),
            (
                .mammography, 3,
                [
                    "mamma", "mammae", "brust", "breast", "breasts", "mamille", "mamillen", "nipple", "drüsenparenchym", "drüsenkörper",
                    "fibroglandular", "fibroglandulär*", "parenchymdichte", "brustdichte", "mikrokalk", "mikrokalzifikation*",
                    "mikroverkalkung*", "microcalcification*", "retromamillär*", "retroareolar", "subareolar", "architekturstörung*",
                    "architectural distortion", "mlo", "craniocaudal", "mediolateral oblique", "ober* äußer* quadrant*", "ober* inner* quadrant*",
                    "unter* äußer* quadrant*", "unter* inner* quadrant*", "upper outer quadrant", "upper inner quadrant",
                    "lower outer quadrant", "lower inner quadrant", "uoq", "uiq", "loq", "liq", "oaq", "oiq", "uaq", "axillary tail",
                    "heterogeneously dense", "extremely dense", "scattered fibroglandular",
                ]
            ),
            (
                .mammography, 1,
                ["cc", "quadrant*", "acr", "axilla", "axillär*", "axillary", "mastektomie", "mastectomy", "lumpektomie", "lumpectomy"]
            ),
            // Spine MRI
            (
                .spineMRI, 5,
                [
                    "lws", "hws", "bws", "wirbelsäule", "lendenwirbelsäule", "halswirbelsäule", "brustwirbelsäule", "spine", "lumbar spine",
                    "cervical spine", "thoracic spine", "lspine", "cspine", "tspine", "bandscheibe*", "bandscheibenvorfall",
                    "bandscheibenvorfälle", "bandscheibenprotrusion*", "bandscheibenvorwölbung*", "bandscheibenprolaps",
                    "bandscheibenextrusion*", "bandscheibenfach", "diskusprolaps", "diskushernie", "discushernie", "prolaps", "disc herniation",
                    "disk herniation", "herniated disc", "herniated disk", "disc bulge", "disc protrusion", "disc extrusion", "spinalkanal*",
                    "spinalkanalstenose*", "neuroforamen", "neuroforamina", "neuroforaminal*", "neuroforamenstenose*", "foramenstenose*",
                    "spinal canal", "spinal stenosis", "canal stenosis", "foraminal stenosis", "neural foramen", "neural foramina",
                    "rezessus*", "recessus", "lateral recess", "lumboischialgie", "ischialgie", "radikulopathie", "radiculopathy",
                    "sciatica", "spondylolisthesis", "spondylolisthese", "osteochondrose*", "spondylarthrose*", "facettengelenk*",
                    "facet joint", "facet joints", "modic", "myelon", "conus medullaris", "konus", "cauda equina",
                ]
            ),
            (
                .spineMRI, 3,
                [
                    "wirbelkörper*", "vertebral body", "vertebral bodies", "protrusion", "protrusions", "extrusion", "herniation", "bulging",
                    "nervenwurzel*", "nerve root", "nerve roots", "lumbago", "foramen", "foramina", "foraminal", "sequester",
                    "dornfortsatz", "lumbal*", "lumbar",
                ]
            ),
            (
                .spineMRI, 1.5,
                [
                    "mrt", "mr", "mri", "magnetresonanztomographie", "magnetresonanztomografie", "kernspintomographie", "kernspin", "t1",
                    "t2", "stir", "t1w", "t2w", "tirm", "sagittal", "sagittale*", "zervikal*", "cervical",
                ]
            ),
            // CT
            (
                .ctScan, 5,
                [
                    "ct", "computertomographie", "computertomografie", "computed tomography", "mdct", "mehrzeilen-ct", "spiral-ct",
                    "portalvenös*", "portal venous", "hounsfield", "dlp", "ctdi", "ctdivol",
                ]
            ),
            (
                .ctScan, 3,
                [
                    "hu", "non-contrast", "noncontrast", "unenhanced", "arterielle phase", "arteriellen phase", "arterial phase",
                    "venöse phase", "venous phase", "spätphase", "delayed phase", "multiplanar*", "mpr", "schichtdicke", "slice thickness",
                    "kontrastmittelbolus", "iv contrast", "i.v. contrast", "low-dose", "pet-ct", "pet/ct",
                ]
            ),
            (.ctScan, 1, ["nativ", "kontrastmittel", "kontrastmittelgabe", "km", "km-gabe", "contrast", "axial*", "rekonstruktion*", "thorax-ct"]),
            // Ultrasound
            (
                .ultrasound, 5,
                [
                    "sonographie", "sonografie", "*sonographie", "*sonografie", "sono", "ultraschall", "ultrasound", "sonography",
                    "sonographic", "sonographically", "sonographisch*", "duplexsonographie", "farbduplex*", "dopplersonographie", "echoarm*",
                    "echoreich*", "echofrei*", "isoechogen*", "hypoechogen*", "hyperechogen*", "echogleich*", "hypoechoic", "hyperechoic",
                    "anechoic", "isoechoic", "echogenicity", "echogenität", "schallschatten", "schallverstärkung", "acoustic shadowing",
                    "posterior acoustic enhancement", "b-bild", "schallkopf", "transducer",
                ]
            ),
            (
                .ultrasound, 3,
                [
                    "mammasonographie", "mammasonografie", "breast ultrasound", "doppler", "duplex", "echogenic", "echogen*", "us", "sonographer",
                    "perfundiert", "vaskularisiert*",
                ]
            ),
            // Oncology
            (
                .oncology, 5,
                [
                    "recist", "zielläsion*", "target lesion", "target lesions", "non-target", "nicht-zielläsion*", "restaging",
                    "summe der durchmesser", "sum of diameters", "sum of the longest diameters", "sld", "therapieansprechen",
                    "komplette remission", "partielle remission", "teilremission", "complete remission", "complete response",
                    "partial response", "stable disease", "progressive disease", "progressionsfreies", "fdg", "suv", "suvmax", "pet-ct",
                    "pet/ct", "pet",
                ]
            ),
            (
                .oncology, 3.5,
                [
                    "metastase*", "*metastase*", "metastasis", "metastases", "metastatic", "metastasiert*", "filiae", "filia", "staging",
                    "chemotherapie", "chemotherapy", "immuntherapie", "immunotherapy", "radiochemotherapie", "zyklen", "cycles",
                    "onkologisch*", "oncologic", "oncological", "größenprogredient*", "größenregredient*", "progredient*", "regredient*",
                    "progression", "regression", "remission", "lymphom*", "lymphoma", "malignom*", "peritonealkarzinose", "tumorlast",
                    "tumor burden",
                ]
            ),
            (
                .oncology, 2,
                [
                    "karzinom*", "*karzinom*", "carcinoma", "tumor", "tumour", "tumorös*", "neoplasie", "neoplasm", "malignant", "maligne*",
                    "rundherd*", "raumforderung*", "lymphadenopathie", "lymphadenopathy",
                ]
            ),
            (
                .oncology, 1,
                [
                    "verlaufskontrolle", "vorbefund", "zuvor", "previously", "lymphknoten*", "lymph node", "lymph nodes", "läsion*", "lesion",
                    "lesions",
                ]
            ),
            // Cardiac
            (
                .cardiac, 5,
                [
                    "lvef", "ejektionsfraktion", "ejection fraction", "agatston", "agatston-score", "kalkscore", "kalziumscore", "calcium score",
                    "coronary calcium", "cac", "cad-rads", "wandbewegung*", "wandbewegungsstörung*", "wall motion", "hypokinesie*", "akinesie*",
                    "dyskinesie*", "normokinesie*", "hypokinetisch*", "akinetisch*", "dyskinetisch*", "normokinetisch*", "hypokinesia",
                    "akinesia", "dyskinesia", "hypokinesis", "akinesis", "dyskinesis", "hypokinetic", "akinetic", "dyskinetic", "normokinetic",
                    "late enhancement", "late gadolinium enhancement", "lge", "kardio-mrt", "kardio-ct", "herz-mrt", "herz-ct", "cardiac mri",
                    "cardiac mr", "cardiac ct", "coronary ct", "koronar-ct", "koronarangiographie", "koronarien", "koronararterie*",
                    "coronary artery", "coronary arteries", "myokard*", "myocardial", "myocardium", "echokardiographie", "echocardiography",
                    "linksventrikulär*", "left ventricular", "rechtsventrikulär*", "right ventricular",
                ]
            ),
            (
                .cardiac, 3,
                [
                    "koronar*", "coronary", "lad", "ria", "rca", "rcx", "lcx", "ramus interventricularis", "ventrikel", "ventricle",
                    "ventricular", "perikard*", "pericardial", "pericardium", "aortenklappe", "mitralklappe", "aortic valve", "mitral valve",
                    "ef", "tte", "tee", "enddiastolisch*", "end-diastolic", "septum", "kardiomyopathie", "cardiomyopathy",
                ]
            ),
            (.cardiac, 1, ["herz", "heart", "kardial*", "cardiac", "infarkt", "infarction", "stent"]),
            // Pathology
            (
                .pathology, 5,
                [
                    "histologie", "histologisch*", "histology", "histologic", "histological", "histopathologie", "histopathology",
                    "histopathologic", "präparat", "präparate", "specimen", "specimens", "resektat*", "resektionsrand", "resektionsränder",
                    "resection margin", "resection margins", "grading", "mikroskopie", "mikroskopisch*", "microscopic", "microscopy",
                    "makroskopie", "makroskopisch*", "macroscopic", "gross description", "immunhistochemie", "immunhistochemisch*",
                    "immunohistochemistry", "ki-67", "ki67", "hämatoxylin", "h&e", "he-färbung", "tumorzellen", "tumor cells", "zytologie",
                    "cytology", "exzisat*", "einsendung", "untersuchungsgut", "in sano",
                ]
            ),
            (
                .pathology, 3,
                [
                    "g1", "g2", "g3", "g4", "r0", "r1", "r2", "differenziert*", "differentiated", "adenokarzinom*",
                    "adenocarcinoma", "plattenepithelkarzinom*", "squamous cell carcinoma", "dysplasie", "dysplasia", "färbung",
                    "staining", "stanzzylinder", "pt1", "pt2", "pt3", "pt4", "pn0", "pn1", "pn2",
                ]
            ),
            (.pathology, 1.5, ["stanzbiopsie*", "core biopsy", "biopsie*", "biopsy", "invasiv*", "invasive", "margin", "margins"]),
            // General: plain radiography and body regions no specialised agent covers
            (
                .general, 3,
                [
                    "röntgen", "röntgenthorax", "röntgen-thorax", "x-ray", "xray", "radiograph", "radiographs", "radiography", "chest film",
                    "aufnahme in zwei ebenen", "two views", "pa and lateral", "frontal and lateral", "liegendaufnahme", "bettaufnahme",
                    "portable chest",
                ]
            ),
            (
                .general, 2,
                [
                    "schädel", "neurokranium", "skull", "knie", "knee", "schulter", "shoulder", "hüfte", "hip", "sprunggelenk",
                    "ankle", "handgelenk", "wrist", "ellenbogen", "elbow", "nasennebenhöhlen", "sinuses",
                ]
            ),
            (
                .general, 1,
                [
                    "kopf", "head", "becken", "pelvis", "thorax", "chest", "lunge*", "lungs", "lung", "pneumothorax", "infiltrat*", "consolidation",
                    "pleuraerguss", "erguss",
                    "pleural effusion", "effusion", "zwerchfell*", "diaphragm", "hemidiaphragm", "cardiomediastinal", "mediastinum",
                    "herzschatten", "cardiac silhouette", "hili", "hilär*", "hilar", "fraktur*", "fracture", "osseous", "atelektase*",
                    "atelectasis", "stauung", "congestion", "edema", "ödem",
                ]
            ),
        ]
        var merged: [(String, [ExamWeight])] = []
        var positions: [String: Int] = [:]
        for (examType, weight, phrases) in groups {
            for phrase in phrases {
                let weight = ExamWeight(examType: examType, weight: weight)
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
}
