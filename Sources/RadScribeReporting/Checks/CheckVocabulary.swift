/// The German and English words the consistency checks look for, folded like ``SentenceToken/text``
/// (lower case, ä → ae, ö → oe, ü → ue, ß → ss).
enum CheckVocabulary {
    // MARK: - Sides

    /// Words for the left side; "linksseitig…" is matched by prefix, "li." only with its period.
    static let leftWords: Set<String> = ["links", "linke", "linken", "linker", "linkes", "linkem", "left"]
    /// Words for the right side; "rechtsseitig…" is matched by prefix, "re." only with its period.
    static let rightWords: Set<String> = ["rechts", "rechte", "rechten", "rechter", "rechtes", "rechtem", "right"]
    /// Words for both sides; "beidseitig…" is matched by prefix.
    static let bilateralWords: Set<String> = ["beidseits", "bds", "beide", "beiden", "bilateral", "bilaterally", "both"]

    /// Words that make two sides in one clause legitimate: direction ("Verlagerung nach rechts"), extent ("vom linken bis
    /// zum rechten Leberlappen"), comparison ("rechts mehr als links") and the heart's chambers, which are named by side.
    static let twoSidedContextWords: Set<String> = [
        "nach", "zur", "zum", "richtung", "gegen", "bis", "von", "vom", "ueber", "to", "towards", "toward", "into", "across",
        "from", "than", "als", "mehr", "weniger", "more", "less", "greater", "betont", "predominant", "predominantly",
        "verlagerung", "verlagert", "verschoben", "verschiebung", "shift", "shifted", "deviation", "deviated", "konvex",
        "convex", "ventrikel", "ventrikels", "ventricle", "ventricular", "vorhof", "vorhofs", "atrium", "atrial", "herz",
        "heart", "kammer", "seitenvergleich", "compared", "versus", "vs", "statt", "instead",
    ]

    // MARK: - Clauses

    /// Conjunctions that start a new clause, which may describe another lesion or side.
    static let clauseConjunctions: Set<String> = [
        "und", "sowie", "oder", "bzw", "waehrend", "wohingegen", "aber", "jedoch", "and", "or", "while", "whereas", "but",
        "however",
    ]

    // MARK: - History and absence

    /// Two-word cues of past history: first word → second words ("z" "n" for "Z. n.", "status" "post").
    static let historyCues: [String: Set<String>] = [
        "z": ["n"], "st": ["n"], "zustand": ["nach"], "status": ["post", "nach"], "s": ["p"], "history": ["of"],
    ]
    /// Words after which a mention is current again, even after a history cue ("Z. n. Sturz, jetzt Pneumothorax").
    static let newInformationWords: Set<String> = [
        "und", "sowie", "mit", "bei", "jetzt", "aktuell", "nun", "neu", "neue", "neuer", "neues", "neuen", "and", "with",
        "now", "currently", "new", "but", "aber", "jedoch",
    ]
    /// Stems of operations that remove a sex-specific organ, matched inside words ("Hysterektomie", "hysterectomy").
    static let removalStems = [
        "hysterektom", "hysterectom", "prostatektom", "prostatectom", "orchiektom", "orchiectom", "orchidektom", "orchidectom",
        "ovarektom", "ovariektom", "oophorektom", "oophorectom", "adnexektom", "adnexectom", "vesikulektom", "vesiculectom",
    ]
    /// Words that say an organ is gone.
    static let absenceWords: Set<String> = [
        "fehlt", "fehlend", "fehlende", "entfernt", "reseziert", "exstirpiert", "absent", "removed", "resected",
    ]
    /// Negators that, followed within two words by a ``visibilityWords`` word, say an organ is not seen.
    static let negators: Set<String> = ["nicht", "kein", "keine", "not", "no"]
    /// Words of seeing and depicting ("nicht abgrenzbar", "not visualized").
    static let visibilityWords: Set<String> = [
        "abgrenzbar", "abzugrenzen", "darstellbar", "darzustellen", "einsehbar", "sichtbar", "nachweisbar", "vorhanden",
        "visualized", "visualised", "seen", "identified", "visible", "demonstrated", "depicted", "present",
    ]

    // MARK: - Measurements

    /// Words of change: with them a percentage above 100 is plausible ("Größenzunahme um 150 %").
    static let changeWords: Set<String> = [
        "zunahme", "groessenzunahme", "anstieg", "wachstum", "progredient", "progredienz", "zugenommen", "vergroesserung",
        "increase", "increased", "growth", "rise", "progression",
    ]
}
