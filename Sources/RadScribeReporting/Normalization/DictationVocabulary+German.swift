extension DictationVocabulary {
    /// German dictation: number words, units, punctuation and editing commands, context words.
    static let german: DictationVocabulary = {
        var builder = DictationVocabularyBuilder()
        builder.addSharedRadiologyTerms()
        builder.addGermanNumbers()
        builder.addGermanAbbreviations()

        builder.add(
            .determiner,
            to: [
                "der", "die", "das", "den", "dem", "des", "eine", "einen", "einem", "einer", "eines", "kein", "keine", "keinen",
                "keinem", "keiner", "keines", "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jedem", "jeden",
                "am", "im", "zum", "zur", "vom", "beim", "ins", "ans", "welcher", "welche", "welches", "welchem", "welchen",
            ]
        )
        builder.add(
            .nounModifier,
            to: [
                "höchsten", "tiefsten", "ersten", "zweiten", "dritten", "letzten", "gleichen", "selben", "kritischen", "springenden",
                "wichtigsten", "einzigen", "nächsten", "toten", "wunden", "höchster", "tiefster", "höchste", "tiefste",
            ]
        )
        builder.add(
            .quantityContext,
            to: [
                "grad", "typ", "stadium", "stufe", "segment", "kategorie", "klasse", "score", "level", "ebene", "kellgren", "tönnis", "misst",
                "messend", "gemessen", "durchmesser", "größe", "ca", "circa", "zirka", "etwa", "nr", "nummer",
            ]
        )
        builder.add(
            .abbreviation,
            to: [
                "ca", "bzw", "ggf", "evtl", "vgl", "dr", "prof", "nr", "inkl", "bds", "li", "re", "mind", "max", "min", "sog", "zzgl", "pat",
                "abb", "etc", "usw", "asc", "desc", "desz",
            ]
        )
        builder.add(.decimalSeparator, to: ["komma"])
        builder.add(.dimensionSeparator, to: ["mal", "x"])
        builder.add(.rangeSeparator, to: ["bis"])

        builder.addUnit("cm", spoken: ["zentimeter", "zentimetern"])
        builder.addUnit("mm", spoken: ["millimeter", "millimetern"])
        builder.addUnit("m", spoken: ["meter", "metern"])
        builder.addUnit("ml", spoken: ["milliliter", "millilitern"])
        builder.addUnit("l", spoken: ["liter", "litern"])
        builder.addUnit("mg", spoken: ["milligramm"])
        builder.addUnit("g", spoken: ["gramm"])
        builder.addUnit("kg", spoken: ["kilogramm"])
        builder.addUnit("cm²", spoken: ["quadratzentimeter"])
        builder.addUnit("cm³", spoken: ["kubikzentimeter"])
        builder.addUnit("%", spoken: ["prozent"])
        builder.addUnit("°", spoken: ["grad"], attachesToNumber: true)
        builder.addUnit(
            "HE",
            spoken: ["hounsfield-einheiten", "hounsfield-einheit", "hounsfieldeinheiten", "hounsfield einheiten", "hounsfield einheit", "hounsfield"]
        )

        builder.add(.nounComplement, to: ["ist", "war", "sind", "waren", "wird", "wurde", "hat", "hatte", "liegt", "lag", "zeigt", "befindet"])
        builder.addPunctuation(
            ".",
            spoken: ["punkt"],
            literalAfter: [.determiner, .nounModifier],
            literalBefore: .nounComplement,
            literalBeforeDigits: true
        )
        builder.addPunctuation(",", spoken: ["komma"], literalAfter: .determiner)
        builder.addPunctuation(":", spoken: ["doppelpunkt"], literalAfter: .determiner)
        builder.addPunctuation(";", spoken: ["semikolon", "strichpunkt"], literalAfter: .determiner)
        builder.addPunctuation("?", spoken: ["fragezeichen"], literalAfter: .determiner)
        builder.addPunctuation("!", spoken: ["ausrufezeichen"], literalAfter: .determiner)
        builder.addPunctuation("(", spoken: ["klammer auf"], attachment: .nextWord, literalAfter: .determiner)
        builder.addPunctuation(")", spoken: ["klammer zu"], literalAfter: .determiner)
        builder.addPunctuation("-", spoken: ["bindestrich"], attachment: .bothWords, literalAfter: .determiner)
        builder.addPunctuation("/", spoken: ["schrägstrich"], attachment: .bothWords, literalAfter: .determiner)

        builder.addPhrases(["neue zeile", "nächste zeile"], action: .lineBreak(count: 1, rule: .newLine), literalAfter: .determiner)
        builder.addPhrases(["neuer absatz"], action: .lineBreak(count: 2, rule: .newParagraph), literalAfter: .determiner)
        builder.addNavigation(
            nextField: ["nächstes feld"],
            previousField: ["vorheriges feld", "voriges feld"],
            nextSection: ["nächster abschnitt"],
            acceptDefaults: ["standardwerte übernehmen"]
        )
        builder.addPhrases(["streiche das", "streich das", "lösche das"], action: .scratchThat)
        builder.addPhrases(["lösche das letzte wort", "lösche letztes wort", "letztes wort löschen"], action: .deleteLastWord)
        return builder.build(compoundNumbers: .german, decimalMark: ",")
    }()
}

extension DictationVocabularyBuilder {
    /// German number words 0–99 (with "zwo", "dreissig", "ein"/"eine"/"eins"), "hundert" and "tausend".
    ///
    /// Larger compounds ("zweihundertfünfzig", "eintausendzweihundert") are parsed from these on lookup.
    fileprivate mutating func addGermanNumbers() {
        let digits: [(Int, [String])] = [
            (1, ["ein"]), (2, ["zwei", "zwo"]), (3, ["drei"]), (4, ["vier"]), (5, ["fünf"]), (6, ["sechs"]), (7, ["sieben"]), (8, ["acht"]),
            (9, ["neun"]),
        ]
        let tens: [(Int, [String])] = [
            (20, ["zwanzig"]), (30, ["dreißig", "dreissig"]), (40, ["vierzig"]), (50, ["fünfzig"]), (60, ["sechzig"]), (70, ["siebzig"]),
            (80, ["achtzig"]), (90, ["neunzig"]),
        ]
        let teens: [(Int, String)] = [
            (10, "zehn"), (11, "elf"), (12, "zwölf"), (13, "dreizehn"), (14, "vierzehn"), (15, "fünfzehn"), (16, "sechzehn"), (17, "siebzehn"),
            (18, "achtzehn"), (19, "neunzehn"),
        ]
        addNumber(SpokenNumber(value: 0), words: ["null"])
        addNumber(SpokenNumber(value: 1), words: ["eins"])
        addNumber(SpokenNumber(value: 1, isArticleLike: true), words: ["ein", "eine"])
        for (value, words) in digits.dropFirst() { addNumber(SpokenNumber(value: value), words: words) }
        for (value, word) in teens { addNumber(SpokenNumber(value: value), words: [word]) }
        for (value, words) in tens {
            addNumber(SpokenNumber(value: value), words: words)
            for (digit, stems) in digits {
                addNumber(SpokenNumber(value: value + digit), words: stems.flatMap { stem in words.map { stem + "und" + $0 } })
            }
        }
        addNumber(SpokenNumber(value: 100, kind: .hundred), words: ["hundert"])
        addNumber(SpokenNumber(value: 1000, kind: .thousand), words: ["tausend"])
    }
}
