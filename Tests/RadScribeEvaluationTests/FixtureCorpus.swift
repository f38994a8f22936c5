import Foundation

/// A miniature corpus directory in the layout of `../shared/eval`, with invented texts, written to a fresh temp folder.
struct FixtureCorpus {
    /// The folder.
    let url: URL

    /// The files by path inside the folder.
    static let files: [String: String] = [
        "openi-indiana/indiana_reports.csv": openIReports,
        "openi-indiana/negbio_openi_gld_std14.csv": negBioGold,
        "openi-indiana/negbio_openi-testset.txt": "CXR1\r\nCXR2\r\nCXR3\r\nCXR99",
        "negex-chapman/Annotations-1-120.txt": negExAnnotations,
        "negex-chapman/rsAnnotations-1-120-random.txt": contextAnnotations,
        "drg-befundung-de/funrad_examples_structured.jsonl": drgExamples,
    ]

    /// Writes every file except `omitting`, with `replacing` overriding contents.
    init(omitting: Set<String> = [], replacing: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("radscribe-eval-\(UUID().uuidString)")
        for (path, text) in Self.files.merging(replacing, uniquingKeysWith: { $1 }) where !omitting.contains(path) {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
    }

    /// Removes the folder.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    // Report 1 and 2 have findings and impression (segmentation); 3 has only an impression, 4 only findings, 5 neither.
    // Gold words with typed headers: 1 → 4 + 10 + 3, 2 → 6 + 4 + 7 + 4; findings and impression alone: 24.
    static let openIReports = #"""
        uid,MeSH,Problems,image,indication,comparison,findings,impression
        1,normal,normal,PA and lateral chest,Cough for two weeks.,None.,"Heart size is normal. The lungs are clear, no effusion.",No acute disease.
        2,Cardiomegaly;Effusion,Cardiomegaly,"Chest, 2 views","Shortness of breath, evaluate for ""CHF""",Prior study from XXXX.,"Enlarged cardiac silhouette.
        Small bilateral pleural effusions.",Cardiomegaly with small effusions.
        3,normal,normal,PA chest,Fever,,,No pneumonia.
        4,Nodule,Nodule,PA chest,,,Stable nodule in the right upper lobe.,
        5,normal,normal,PA chest,Trauma,None.,,

        """#

    static let negBioGold = """
        filename,Atelectasis,Cardiomegaly,Effusion,Infiltration,Mass,Nodule,Pneumonia,Pneumothorax,Consolidation,Edema,Emphysema,Fibrosis,Pleural_Thickening,Hernia,normal
        CXR1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1
        CXR2,0,1,1,0,0,0,0,0,0,0,0,0,0,0,0
        CXR3,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1
        CXR4,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0
        CXR5,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1

        """

    // Report 7 is surgical pathology, 9 an echocardiogram, 11 radiology (no gold type), 13 has no header.
    static let negExAnnotations = [
        "Report No.\tConcept\tSentence\tNegation",
        "7\tmelanoma\t\"S_O_H  Counters Report Type Record Type Subgroup Classifier  31,Ab12Cd SP SP   E_O_H  FINAL DIAGNOSIS:  Skin, left forearm, re-excision:  no residual MELANOMA, margins free.\"\tNegated",
        "7\tscar\tSections show dermal SCAR tissue.\tAffirmed",
        "9\tpericardial effusion\t\"S_O_H  Counters Report Type Record Type Subgroup Classifier  44,Ef34Gh ECHO ECHO   E_O_H  Normal left ventricular size, no PERICARDIAL EFFUSION.\"\tNegated",
        "9\tmitral regurgitation\tMild MITRAL REGURGITATION.\tAffirmed",
        "11\tinfiltrate\t\"S_O_H  Counters Report Type Record Type Subgroup Classifier  55,Ij56Kl RAD RAD   E_O_H  The lungs are clear, without INFILTRATE.\"\tNegated",
        "13\tchest pain\tThe patient denies CHEST  PAIN.\tNegated",
        "13\tNeck supple. No lymphadenopathy\tNECK: Supple.\tNegated",
        "",
    ].joined(separator: "\r\n")

    static let contextAnnotations = [
        "line number\tCondition\tsentence\tnegation_status (negated, affirmed, possible)\ttemporality (historical, recent, hypothetical)\texperiencer (patient, other)",
        "1\tedema\tNo EDEMA of the ankles.\tNegated\tRecent\tPatient",
        "2\tpneumonia\tFindings may represent early \"atypical\" PNEUMONIA.\tPossible\tRecent\tPatient",
        "3\thypertension\tKnown arterial HYPERTENSION.\tAffirmed\tHistorical\tPatient",
        "",
    ].joined(separator: "\n")

    static let drgExamples = """
        {"exam": "CT NNH", "template_fields": ["NNH"], "example_sections": [{"heading": "(unlabelled)", "text": "Low-dose CT der Nasennebenhöhlen."}, {"heading": "NNH", "text": "Spiegelbildung im Sinus maxillaris links."}, {"heading": "Beurteilung", "text": "Akute Sinusitis maxillaris links."}], "source": "invented"}
        {"exam": "MRT Ellenbogen", "template_fields": [], "example_sections": [{"heading": "Beurteilung", "text": "Unauffälliger Befund."}], "source": "invented"}

        """
}
