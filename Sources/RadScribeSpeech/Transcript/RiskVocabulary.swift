import RadScribeCore

/// The words ``RiskWordDetector`` treats as high-risk, folded (lower case, no surrounding punctuation).
///
/// This is data: add a word where a mistake in it would change a report's meaning.
enum RiskVocabulary {
    /// Negations and the words Whisper confuses with them ("no"/"now"/"know", "kein"/"ein", "nicht"/"nichts").
    static let negations: [Language: Set<String>] = [
        .de: [
            "kein", "keine", "keiner", "keinen", "keinem", "keines", "nicht", "nichts", "ohne", "weder", "nie", "niemals", "nein",
            "negativ", "negative", "negativer", "negativen", "ein", "eine", "einer", "einen", "einem", "eines",
        ],
        .en: [
            "no", "not", "none", "neither", "nor", "never", "nothing", "without", "absent", "negative", "cannot", "now", "know",
        ],
    ]

    /// Side words, in every inflected form that is not covered by ``lateralityPrefixes``.
    static let lateralityWords: [Language: Set<String>] = [
        .de: [
            "links", "rechts", "beidseits", "bds", "li", "re", "linke", "linker", "linken", "linkem", "linkes", "rechte", "rechter",
            "rechten", "rechtem", "rechtes",
        ],
        .en: ["left", "right", "lt", "rt", "both", "bilateral", "bilaterally", "unilateral", "unilaterally", "contralateral", "ipsilateral"],
    ]

    /// Beginnings of side words and of compounds that name a side ("linksseitig", "Rechtsherzbelastung", "left-sided").
    static let lateralityPrefixes: [Language: [String]] = [
        .de: ["links", "rechts", "beidseit", "einseitig", "bilateral", "kontralateral", "ipsilateral"],
        .en: ["left-", "right-", "bilateral", "contralateral", "ipsilateral"],
    ]

    /// Units of measurement, abbreviated and spelled out, in both languages.
    static let units: Set<String> = [
        "mm", "cm", "ml", "cl", "ccm", "cc", "mg", "g", "kg", "hu", "mmhg", "mm²", "cm²", "cm³", "mm³", "%",
        "prozent", "percent", "grad", "degree", "degrees", "millimeter", "millimetern", "millimeters", "millimetre", "millimetres",
        "zentimeter", "zentimetern", "centimeter", "centimeters", "centimetre", "centimetres", "meter", "metern", "meters", "metre",
        "metres", "milliliter", "millilitern", "milliliters", "millilitre", "millilitres", "liter", "litern", "liters", "litre",
        "litres", "gramm", "gram", "grams", "milligramm", "milligram", "milligrams", "kilogramm", "kilogram", "kilograms",
        "hounsfield",
    ]

    /// English number words; hyphenated compounds ("twenty-three") are read part by part.
    static let englishNumbers: Set<String> = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "thousand", "half", "quarter",
    ]

    /// The parts German number words are written from ("drei" + "und" + "zwanzig", "zwei" + "hundert" + "fünfzig").
    static let germanNumberParts: [String] = [
        "null", "eins", "ein", "zwei", "zwo", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
        "sechzehn", "siebzehn", "zwanzig", "dreißig", "dreissig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
        "neunzig", "hundert", "tausend", "und", "halb", "anderthalb",
    ]
}
