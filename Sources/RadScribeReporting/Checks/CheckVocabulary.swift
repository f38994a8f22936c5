import RadScribeCore

/// Classes of words the consistency checks look for; a word may belong to several.
struct CheckWordClasses: OptionSet, Hashable {
    let rawValue: UInt16

    /// Conjunctions that start a new clause, which may describe another lesion or side ("und", "while").
    static let clauseConjunction = CheckWordClasses(rawValue: 1 << 0)
    /// Words that make two sides in one clause legitimate (direction, extent, comparison, the heart's chambers).
    static let twoSidedContext = CheckWordClasses(rawValue: 1 << 1)
    /// Words after which a mention is current again, even after a history cue ("jetzt", "new").
    static let newInformation = CheckWordClasses(rawValue: 1 << 2)
    /// Words that say an organ is gone ("fehlt", "removed").
    static let absence = CheckWordClasses(rawValue: 1 << 3)
    /// Negators that, followed by a ``visibility`` word, say an organ is not seen ("nicht", "not").
    static let negator = CheckWordClasses(rawValue: 1 << 4)
    /// Words of seeing and depicting ("abgrenzbar", "visualized").
    static let visibility = CheckWordClasses(rawValue: 1 << 5)
    /// Words of change, with which a percentage above 100 is plausible ("Zunahme", "increase").
    static let change = CheckWordClasses(rawValue: 1 << 6)
}

/// The German and English words the consistency checks look for, folded like ``CheckToken/text``
/// (lower case, ä → ae, ö → oe, ü → ue, ß → ss), compiled into one table that tokenisation consults once per word.
enum CheckVocabulary {
    /// Sets `token.side` and `token.classes` from the table.
    static func classify(_ token: inout CheckToken) {
        if let entry = entries[token.text] {
            token.side = entry.side
            token.classes = entry.classes
        } else if token.text.utf8.count > 10 {
            token.side = sidePrefixes.first { token.text.hasPrefix($0.prefix) }?.side
        }
    }

    /// Abbreviations that name a side only with their period ("li.", "re."), since "re" also starts "re-evaluation".
    static let abbreviatedSides: [String: Laterality] = ["li": .left, "re": .right]

    // MARK: - History and absence

    /// Two-word cues of past history: first word → second words ("z" "n" for "Z. n.", "status" "post"); "zn" alone also counts.
    static let historyCues: [String: Set<String>] = [
        "z": ["n"], "st": ["n"], "zustand": ["nach"], "status": ["post", "nach"], "s": ["p"], "history": ["of"],
    ]
    /// Stems of operations that remove a sex-specific organ, matched inside words ("Hysterektomie", "hysterectomy").
    static let removalStems = [
        "hysterektom", "hysterectom", "prostatektom", "prostatectom", "orchiektom", "orchiectom", "orchidektom", "orchidectom",
        "ovarektom", "ovariektom", "oophorektom", "oophorectom", "adnexektom", "adnexectom", "vesikulektom", "vesiculectom",
    ]

    // MARK: - Word lists

    private static let leftWords = ["links", "linke", "linken", "linker", "linkes", "linkem", "left"]
    private static let rightWords = ["rechts", "rechte", "rechten", "rechter", "rechtes", "rechtem", "right"]
    private static let bilateralWords = ["beidseits", "bds", "beide", "beiden", "bilateral", "bilaterally", "both"]
    /// Inflected forms ("linksseitigen", "rechtsseitiger") are matched by prefix.
    private static let sidePrefixes: [(prefix: String, side: Laterality)] = [
        ("linksseitig", .left), ("rechtsseitig", .right), ("beidseitig", .bilateral),
    ]

    private static let wordClasses: [(CheckWordClasses, [String])] = [
        (
            .clauseConjunction,
            [
                "und", "sowie", "oder", "bzw", "waehrend", "wohingegen", "aber", "jedoch", "and", "or", "while", "whereas", "but",
                "however",
            ]
        ),
        (
            .twoSidedContext,
            [
                "nach", "zur", "zum", "richtung", "gegen", "bis", "von", "vom", "ueber", "to", "towards", "toward", "into", "across",
                "from", "than", "als", "mehr", "weniger", "more", "less", "greater", "betont", "predominant", "predominantly",
                "verlagerung", "verlagert", "verschoben", "verschiebung", "shift", "shifted", "deviation", "deviated", "konvex",
                "convex", "ventrikel", "ventrikels", "ventricle", "ventricular", "vorhof", "vorhofs", "atrium", "atrial", "herz",
                "heart", "kammer", "seitenvergleich", "compared", "versus", "vs", "statt", "instead",
            ]
        ),
        (
            .newInformation,
            [
                "und", "sowie", "mit", "bei", "jetzt", "aktuell", "nun", "neu", "neue", "neuer", "neues", "neuen", "and", "with",
                "now", "currently", "new", "but", "aber", "jedoch",
            ]
        ),
        (.absence, ["fehlt", "fehlend", "fehlende", "entfernt", "reseziert", "exstirpiert", "absent", "removed", "resected"]),
        (.negator, ["nicht", "kein", "keine", "not", "no"]),
        (
            .visibility,
            [
                "abgrenzbar", "abzugrenzen", "darstellbar", "darzustellen", "einsehbar", "sichtbar", "nachweisbar", "vorhanden",
                "visualized", "visualised", "seen", "identified", "visible", "demonstrated", "depicted", "present",
            ]
        ),
        (
            .change,
            [
                "zunahme", "groessenzunahme", "anstieg", "wachstum", "progredient", "progredienz", "zugenommen", "vergroesserung",
                "increase", "increased", "growth", "rise", "progression",
            ]
        ),
    ]

    private static let entries: [String: (side: Laterality?, classes: CheckWordClasses)] = {
        var entries: [String: (side: Laterality?, classes: CheckWordClasses)] = [:]
        for (side, words) in [(Laterality.left, leftWords), (.right, rightWords), (.bilateral, bilateralWords)] {
            for word in words { entries[word] = (side, []) }
        }
        for (wordClass, words) in wordClasses {
            for word in words { entries[word, default: (nil, [])].classes.insert(wordClass) }
        }
        return entries
    }()
}
