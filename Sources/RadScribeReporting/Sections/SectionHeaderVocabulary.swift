import RadScribeCore

/// A known section header phrase.
struct SectionHeaderEntry: Sendable {
    /// The section it opens.
    var kind: SectionKind
    /// Whether the phrase is taken for a header in running text without a colon ("… keine voraufnahmen befund die lunge …").
    ///
    /// Only phrases that radiologists actually speak as headers and that rarely stand bare in prose qualify; the others
    /// ("history", "summary", "follow-up", "Methode") need a colon, a line of their own or a sentence of their own.
    var isSpokenHeader: Bool
}

/// The word lists that decide whether a header word is a header (German and English together: reports mix them).
enum SectionHeaderVocabulary {
    /// Known header phrases, both languages.
    static let headers = PhraseTable<SectionHeaderEntry>(
        entries: [
            (
                SectionKind.clinicalInformation, true,
                [
                    "klinische angaben", "klinische angabe", "klinische fragestellung", "rechtfertigende indikation", "indikation",
                    "indikationen", "fragestellung", "fragestellungen", "anamnese", "klinik", "clinical information", "clinical history",
                    "clinical indication", "clinical question", "clinical data", "indication", "indications", "reason for exam",
                    "reason for examination", "reason for study", "reason for referral",
                ]
            ),
            (.clinicalInformation, false, ["history", "history of present illness", "clinical details", "clinical"]),
            (
                .technique, true,
                [
                    "technik", "untersuchungstechnik", "vergleich", "vergleichsuntersuchung", "technique", "comparison", "comparisons",
                ]
            ),
            (
                .technique, false,
                [
                    "methode", "methodik", "untersuchungsmethode", "voraufnahmen", "voraufnahme", "voruntersuchung", "voruntersuchungen",
                    "untersuchung", "protokoll", "procedure", "protocol", "examination", "exam", "study",
                ]
            ),
            (.findings, true, ["befund", "befunde", "findings", "finding"]),
            (.impression, true, ["beurteilung", "beurteilungen", "zusammenfassung", "fazit", "impression", "impressions", "conclusion"]),
            (.impression, false, ["conclusions", "summary", "opinion", "assessment", "diagnose", "diagnosis"]),
            (.recommendation, true, ["empfehlung", "empfehlungen", "procedere", "prozedere", "recommendation", "recommendations"]),
            (.recommendation, false, ["weiteres vorgehen", "advice", "follow-up", "follow up", "followup"]),
        ].flatMap { kind, isSpokenHeader, phrases in
            phrases.map { ($0, SectionHeaderEntry(kind: kind, isSpokenHeader: isSpokenHeader)) }
        }
    )

    /// Words that make a following header word prose: articles, determiners, negations, prepositions, conjunctions, finite
    /// verbs and the attributive adjectives that typically qualify "Befund"/"findings" ("der Befund", "im Vergleich",
    /// "no acute findings", "there are findings").
    ///
    /// German adjectives count only inflected (attributive: "unauffälliger Befund"); the bare form is predicative and
    /// often ends the sentence before a spoken header ("… ist stabil beurteilung …"). English adjectives that also end
    /// sentences ("normal", "stable") are left out for the same reason.
    static let prosePredecessors = PhraseTable<Void>(
        words: [
            // German
            "der", "die", "das", "des", "dem", "den", "ein*", "kein*", "dies*", "jen*", "welch*", "solch*", "mein*", "unser*", "ihr*",
            "sein*", "im", "in", "am", "an", "zum", "zur", "zu", "vom", "von", "mit", "ohne", "bei", "beim", "nach", "vor", "auf",
            "aus", "für", "gegen", "durch", "über", "unter", "laut", "gemäß", "seit", "als", "wie", "und", "oder", "sowie", "bzw",
            // English
            "the", "a", "an", "this", "these", "that", "those", "no", "any", "some", "other", "such", "my", "our", "your", "his",
            "her", "their", "its", "of", "on", "at", "for", "with", "without", "to", "from", "by", "as", "per", "upon", "than", "and",
            "or", "incidental", "additional", "further", "prior", "previous", "above", "following", "imaging", "radiographic",
            "radiological", "key", "main", "overall", "final", "aforementioned", "mentioned", "current", "recent", "interval",
            "initial", "same", "several", "all", "both", "acute", "significant", "abnormal", "suspicious", "pertinent", "nonspecific",
            "multiple", "chronic", "expected", "known", "outside",
            // Finite verbs: a header word after them is their subject or object ("there are findings", "ergab keinen Befund").
            "ist", "sind", "war", "waren", "zeigt", "zeigen", "zeigte", "hat", "haben", "ergibt", "ergab", "bleibt", "is", "are", "was",
            "were", "has", "have", "had", "show", "shows", "showed", "reveal", "reveals", "revealed", "demonstrate", "demonstrates",
            "demonstrated",
        ]
            + [
                "weiter", "sonstig", "übrig", "folgend", "obig", "genannt", "beschrieben", "neu", "bekannt", "vorbekannt", "unauffällig",
                "auffällig", "pathologisch", "wesentlich", "relevant", "ähnlich", "gleich", "aktuell", "vorliegend", "stabil", "konstant",
                "letzt", "erst", "radiologisch", "bildgebend", "klinisch", "kurz", "direkt", "erneut", "regelrecht", "normal",
                "akut", "frisch", "suspekt", "kontrollbedürftig", "altersentsprechend", "typisch", "unspezifisch", "wegweisend",
                "richtungsweisend", "eindeutig", "fraglich", "postoperativ", "degenerativ", "entzündlich",
            ].flatMap { stem in ["e", "en", "er", "es", "em"].map { stem + $0 } }
    )

    /// Words that make a preceding header word prose when they follow it: verbs and predicate adjectives
    /// ("Befund ist stabil", "findings are consistent", "comparison shows").
    static let proseVerbs = PhraseTable<Void>(words: [
        // German
        "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "bleibt", "bleiben", "zeigt", "zeigen", "zeigte",
        "zeigten", "hat", "haben", "hatte", "spricht", "sprechen", "passt", "passen", "entspricht", "entsprechen", "liegt",
        "liegen", "lag", "lagen", "besteht", "bestehen", "ergibt", "ergab", "erfolgt", "erfolgte", "kann", "können", "sollte",
        "muss", "vereinbar", "wie", "bitte", "deutet", "deuten", "weist", "weisen", "lässt",
        "lassen", "bestätigt", "bestätigen", "imponiert", "imponieren", "stellt", "stellen", "findet", "finden", "erscheint",
        "erscheinen", "bedarf", "korreliert", "korrelieren", "sprach",
        // English
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "suggest", "suggests", "suggested", "suggesting",
        "show", "shows", "showed", "demonstrate", "demonstrates", "demonstrated", "indicate", "indicates", "reveal", "reveals",
        "remain", "remains", "may", "can", "could", "would", "should", "will", "might", "must", "consistent", "compatible",
        "suggestive", "concerning", "likely", "noted", "seen", "that", "which", "including",
        "regarding", "since", "as", "correlate", "correlates", "favor", "favors", "favour", "favours", "represent",
        "represents", "reflect", "reflects", "raise", "raises", "support", "supports", "persist", "persists", "appear", "appears", "require",
        "requires", "identified", "described",
    ])

    /// Adjectives that make a header word prose when they are its predicate ("Befund stabil.", "findings unchanged from
    /// 2019"), but not when they qualify a following noun ("findings stable cardiomegaly", spoken without a colon).
    static let prosePredicates = PhraseTable<Void>(words: [
        "unverändert", "stabil", "konstant", "ähnlich", "identisch", "gleich", "größenprogredient", "größenregredient",
        "progredient", "regredient", "rückläufig", "unchanged", "stable", "similar", "identical", "improved", "worsened", "worse",
        "better", "progressive", "resolved",
    ])

    /// Prepositions and conjunctions after a header word: prose when no colon follows ("Vergleich zur Voruntersuchung",
    /// "history of smoking"), but allowed inside a qualified header ("Vergleich zur Voruntersuchung vom 3.2.:").
    static let prosePrepositions = PhraseTable<Void>(words: [
        "des", "einer", "eines", "vom", "von", "zur", "zum", "zu", "mit", "im", "in", "am", "an", "bei", "für", "nach", "vor", "auf", "aus",
        "über", "unter", "und", "oder", "sowie", "of", "with", "to", "from", "in", "on", "at", "for", "by", "and", "or", "versus",
        "vs",
    ])

    /// Words after a header word that always make it prose, even where a preposition may open a spoken statement:
    /// genitives and conjunctions ("findings of", "Befund des Thorax", "Befund und Beurteilung").
    static let bindingWords = PhraseTable<Void>(words: [
        "des", "eines", "einer", "und", "oder", "sowie", "bzw", "of", "and", "or", "versus", "vs",
    ])

    /// Labels of fields and organs that stand at line start before a colon inside a section ("Lunge:", "BI-RADS:",
    /// "Größe:") and therefore never open a section of their own.
    static let fieldLabels = PhraseTable<Void>(words: [
        "größe", "maße", "masse", "durchmesser", "volumen", "size", "diameter", "volume", "measurements", "bi-rads", "birads",
        "acr", "dichte", "density", "parenchymdichte", "kategorie", "category", "typ", "type", "grading", "grade", "tnm", "ki-67",
        "lvef", "ef", "agatston", "score", "segment", "level", "höhe", "rechts", "links", "beidseits", "right", "left",
        "bilateral", "re", "li", "bds", "es", "sich", "wir", "ich", "there", "it", "we", "i", "seite", "side",
    ])
}
