/// How much a word says about German versus English: positive for German, negative for English.
///
/// Function words weigh 3: they occur in every sentence and almost never in the other language. Radiology vocabulary
/// weighs 2, suffixes and umlauts 1. Words shared by both languages ("in", "so", "Thorax", "normal") are left out on
/// purpose. Umlaut words are listed twice, with the umlaut and transliterated ("unauffällig", "unauffaellig").
enum LanguageEvidence {
    /// The evidence of one word.
    static func score(of word: DetectorWord) -> Int {
        guard !word.hasDigit else { return 0 }
        if word.length <= 16, let weight = weights[word.key] { return weight }
        var score = word.hasGermanLetter ? 1 : 0
        if germanSuffixes.contains(where: word.hasSuffix) {
            score += 1
        } else if englishSuffixes.contains(where: word.hasSuffix) {
            score -= 1
        }
        return score
    }

    // MARK: - Tables

    private static let germanFunctionWords = [
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einer", "eines", "einem", "einen", "und", "oder", "sowie", "bzw",
        "mit", "ohne", "kein", "keine", "keiner", "keines", "keinem", "keinen", "nicht", "ist", "sind", "war", "wird", "werden",
        "wurde", "wurden", "im", "am", "zur", "zum", "vom", "von", "bei", "beim", "auf", "aus", "nach", "unter", "über", "ueber",
        "durch", "als", "bis", "noch", "auch", "jedoch", "sich", "hier", "dabei", "mittels", "links", "rechts", "beidseits",
        "beidseitig", "bds", "li", "sonst", "etwa", "eher", "weiterhin", "zu", "vor", "seit", "zwischen",
    ]

    private static let englishFunctionWords = [
        "the", "and", "or", "with", "without", "no", "not", "nor", "is", "are", "was", "were", "be", "been", "has", "have",
        "of", "at", "on", "to", "for", "as", "by", "from", "into", "within", "there", "this", "that", "these", "those", "which",
        "its", "it", "than", "both", "each", "other", "but", "left", "right", "bilateral", "bilaterally", "may", "can", "could",
        "seen", "noted", "again", "since", "between", "before", "after",
    ]

    private static let germanVocabulary = [
        "unauffällig", "unauffaellig", "unauffälligen", "unauffaelligen", "regelrecht", "regelrechte", "regelrechter",
        "regelrechten", "nachweis", "befund", "beurteilung", "fragestellung", "vergleich", "verdacht", "ausschluss", "erguss",
        "pleuraerguss", "niere", "nieren", "leber", "milz", "lunge", "lungen", "herz", "schilddrüse", "schilddruese", "gallenblase",
        "harnblase", "wirbelkörper", "wirbelkoerper", "bandscheibe", "herd", "rundherd", "zyste", "zysten", "vorbefund",
        "aufnahme", "darstellung", "weichteile", "knöchern", "knoechern", "gering", "geringe", "geringer", "geringen", "leicht",
        "deutlich", "mäßig", "maessig", "groß", "gross", "große", "grosse", "klein", "kleine", "kleiner", "zeichen", "zustand",
        "seitengleich", "altersentsprechend", "vorhanden", "abgrenzbar", "darstellbar", "nachweisbar", "kontrastmittel",
        "fraktur", "pneumonie", "ödem", "oedem", "stauung", "neu", "frisch", "alt", "empfehlung", "klinische", "angaben", "technik",
        "bauchaorta", "lymphknoten", "nebenniere", "nebennieren", "herzgröße", "herzgroesse", "verkalkung", "gefäße", "gefaesse",
        "kalibriert", "kalibrierte", "zeitgerecht", "verlaufskontrolle", "kontrolle", "erweitert", "erweiterung", "normgroß",
        "normgross", "zentral", "infiltrat", "freie", "freier", "flüssigkeit", "fluessigkeit", "leichte", "leichtes", "leichten", "leichter",
        "schmerz", "schmerzen", "fieber", "husten", "atemnot", "luftnot", "unfall", "sturz", "stabil", "ja", "nein",
    ]

    private static let englishVocabulary = [
        "unremarkable", "evidence", "impression", "findings", "finding", "comparison", "history", "indication", "technique",
        "recommendation", "suggest", "suggests", "likely", "mild", "mildly", "small", "large", "moderate", "severe", "minimal",
        "slight", "consistent", "identified", "appears", "appear", "lung", "lungs", "heart", "size", "acute", "chest", "kidney",
        "kidneys", "liver", "spleen", "effusion", "effusions", "pleural", "pneumonia", "fracture", "edema", "oedema", "mass",
        "lesion", "lesions", "nodule", "nodules", "cyst", "cysts", "disc", "disk", "vertebral", "thyroid", "gallbladder",
        "bladder", "soft", "tissue", "tissues", "bone", "bones", "stable", "unchanged", "prior", "previous", "study", "exam",
        "examination", "focal", "free", "fluid", "air", "wall", "opacity", "opacities", "cardiomediastinal", "silhouette",
        "degenerative", "changes", "change", "possible", "probable", "post", "enlarged", "new", "old",
        "follow", "up", "node", "nodes", "lymph", "adrenal", "gland", "glands", "vessels", "patent", "calcification", "pain",
        "cancer", "cough", "fever", "surgery", "weeks", "rib", "ribs", "loss", "throat", "yes",
    ]

    private static let weights: [DetectorWordKey: Int] = {
        var table: [DetectorWordKey: Int] = [:]
        func add(_ words: [String], weight: Int) {
            for word in words {
                guard let key = DetectorWordKey(word) else { continue }
                table[key] = weight
            }
        }
        add(germanVocabulary, weight: 2)
        add(englishVocabulary, weight: -2)
        add(germanFunctionWords, weight: 3)
        add(englishFunctionWords, weight: -3)
        return table
    }()

    private static let germanSuffixes = [
        DetectorSuffix("ung"), DetectorSuffix("ungen"), DetectorSuffix("lich"), DetectorSuffix("liche"), DetectorSuffix("lichen"),
        DetectorSuffix("licher"), DetectorSuffix("keit"), DetectorSuffix("heit"), DetectorSuffix("isch"), DetectorSuffix("ische"),
        DetectorSuffix("ischen"), DetectorSuffix("ischer"), DetectorSuffix("tionen"), DetectorSuffix("iert"), DetectorSuffix("ierte"),
        DetectorSuffix("ierten"), DetectorSuffix("nahme"), DetectorSuffix("weise"), DetectorSuffix("zbar"), DetectorSuffix("llbar"),
        DetectorSuffix("isbar"),
        DetectorSuffix("tbar"), DetectorSuffix("ssbar"),
        DetectorSuffix("chbar"), DetectorSuffix("rbar"), DetectorSuffix("chen"),
        DetectorSuffix("seitig"), DetectorSuffix("seitige"), DetectorSuffix("seitigen"), DetectorSuffix("lappen"),
        DetectorSuffix("ig", minimumStem: 4),
        DetectorSuffix("ie", minimumStem: 3), DetectorSuffix("ose", minimumStem: 3), DetectorSuffix("iv", minimumStem: 3),
        DetectorSuffix("ell", minimumStem: 3),
        DetectorSuffix("zinom"), DetectorSuffix("adenom"), DetectorSuffix("atom"), DetectorSuffix("iom"), DetectorSuffix("sarkom"),
        DetectorSuffix("myelom"),
        DetectorSuffix("syndrom"), DetectorSuffix("ndert"), DetectorSuffix("ssert"), DetectorSuffix("weitert"), DetectorSuffix("kleinert"),
    ]

    private static let englishSuffixes = [
        DetectorSuffix("tions"), DetectorSuffix("ness"), DetectorSuffix("ing", minimumStem: 3), DetectorSuffix("ed", minimumStem: 3),
        DetectorSuffix("ly", minimumStem: 3), DetectorSuffix("ous"), DetectorSuffix("ity"), DetectorSuffix("ies"), DetectorSuffix("ary"),
        DetectorSuffix("ic", minimumStem: 3), DetectorSuffix("ance"), DetectorSuffix("ence"), DetectorSuffix("sided"), DetectorSuffix("ated"),
        DetectorSuffix("osis"), DetectorSuffix("oma"), DetectorSuffix("omas"),
    ]
}
