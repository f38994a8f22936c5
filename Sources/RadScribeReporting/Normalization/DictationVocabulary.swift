import RadScribeCore

/// The words one language's dictation normaliser knows, built once: number words, units, commands, context words.
///
/// Every known word has one entry (found by its folded key) that carries all its roles, so each token needs a
/// single table lookup; multi-word phrases are stored on the entry of their first word and matched by entry index.
struct DictationVocabulary: Sendable {
    /// How number words that are not in the vocabulary are built.
    enum CompoundNumbers: Sendable {
        /// German compounds: "dreiundzwanzig", "zweihundertfünfzig", "eintausendzweihundert", "dreieinhalb".
        case german
        /// English hyphenated tens: "twenty-three".
        case englishHyphenated
    }

    /// Words longer than this (in UTF-16 code units) are never looked up.
    static let maximumKeyLength = 48

    let words: FoldedWordTable
    let entries: [VocabularyEntry]
    let compoundNumbers: CompoundNumbers
    /// The decimal mark written for spoken decimals: "," in German, "." in English.
    let decimalMark: UInt16

    /// The vocabulary of `language`.
    static func vocabulary(for language: Language) -> DictationVocabulary {
        switch language {
        case .de: german
        case .en: english
        }
    }

    /// The entry of the folded UTF-8 word `key`, or `nil`.
    func entry(for key: FoldedKey) -> Int32? {
        words.entry(for: key)
    }
}

/// Everything the normaliser knows about one folded word.
struct VocabularyEntry: Sendable {
    var roles: WordRoles = []
    var number: SpokenNumber?
    var spinalPrefix: SpinalPrefix?
    /// Phrases that start with this word, longest first.
    var phrases: [PhraseRule] = []
    /// Units whose name starts with this word, longest first; they apply only after a number.
    var units: [UnitPhrase] = []
    /// How the word is written when it is a radiology abbreviation ("MRT", "LWS").
    var canonicalSpelling: CanonicalSpelling?
}

/// Context roles of a word, used by the rules that decide whether a spoken form is converted.
struct WordRoles: OptionSet, Sendable {
    let rawValue: UInt32

    /// Articles and demonstratives ("der", "eine", "the", "this"): a command word after them is an ordinary noun.
    static let determiner = WordRoles(rawValue: 1 << 0)
    /// English prepositions ("of", "in", "within"): "colon" after them is the bowel.
    static let preposition = WordRoles(rawValue: 1 << 1)
    /// Words that make English "colon" the bowel ("sigmoid", "transverse", "right").
    static let anatomicalModifier = WordRoles(rawValue: 1 << 2)
    /// Words that make "period"/"Punkt" a noun ("postoperative period", "am höchsten Punkt").
    static let nounModifier = WordRoles(rawValue: 1 << 3)
    /// Words before which "period"/"Punkt" is a noun, as sentences do not start with them ("of", "was", "ist").
    static let nounComplement = WordRoles(rawValue: 1 << 4)
    /// Section headings ("findings", "impression") after which English "colon" is punctuation.
    static let sectionHeading = WordRoles(rawValue: 1 << 5)
    /// Words after which a number word is a quantity ("Grad", "BI-RADS", "segment", "measuring").
    static let quantityContext = WordRoles(rawValue: 1 << 6)
    /// "Komma" (German), "point" (English) between number words.
    static let decimalSeparator = WordRoles(rawValue: 1 << 7)
    /// "mal", "by", "x" between dimensions.
    static let dimensionSeparator = WordRoles(rawValue: 1 << 8)
    /// "bis", "to" between the ends of a range.
    static let rangeSeparator = WordRoles(rawValue: 1 << 9)
    /// English "and" inside a number ("two hundred and fifty").
    static let numberConjunction = WordRoles(rawValue: 1 << 10)
    /// English "a" in "and a half".
    static let indefiniteArticle = WordRoles(rawValue: 1 << 11)
    /// English "half" in "and a half".
    static let half = WordRoles(rawValue: 1 << 12)
    /// Abbreviations after whose period no sentence starts ("ca.", "bzw.", "Dr.", "vs.").
    static let abbreviation = WordRoles(rawValue: 1 << 13)
    /// "minus" before a number.
    static let minusSign = WordRoles(rawValue: 1 << 17)
    /// The word starts a phrase (set by the builder, so that most words skip phrase matching).
    static let startsPhrase = WordRoles(rawValue: 1 << 14)
    /// The word starts a unit name (set by the builder).
    static let startsUnit = WordRoles(rawValue: 1 << 15)
    /// The word is a spinal prefix (set by the builder).
    static let spinalPrefix = WordRoles(rawValue: 1 << 16)
    /// Imaging nouns after which an ambiguous English abbreviation names a modality ("mr angiography", "pet scan").
    static let modalityContext = WordRoles(rawValue: 1 << 18)
    /// The word has a canonical spelling (set by the builder).
    static let hasCanonicalSpelling = WordRoles(rawValue: 1 << 19)
}

/// A phrase of one or more words with what saying it does.
struct PhraseRule: Sendable {
    /// Entry indices of the words after the first.
    var followingWords: [Int32]
    var action: PhraseAction
    /// When the word before the phrase has one of these roles, the phrase is ordinary text.
    var literalAfter: WordRoles = []
    /// When the word after the phrase has one of these roles, the phrase is ordinary text.
    var literalBefore: WordRoles = []
}

/// What a recognised phrase does.
enum PhraseAction: Sendable {
    /// Writes a punctuation mark.
    case punctuation(PunctuationCommand)
    /// Writes one ("new line") or two ("new paragraph") line breaks.
    case lineBreak(count: Int, rule: NormalizationRule)
    /// A navigation command: reported in `commands`, writes `lineBreaks` line breaks (two for "next section").
    case navigation(name: String, rule: NormalizationRule, lineBreaks: Int)
    /// "scratch that": removes the preceding phrase.
    case scratchThat
    /// "delete last word": removes the preceding word.
    case deleteLastWord
    /// A name written one way: a score ("bi rads" → "BI-RADS", rule `score`) or an abbreviation of several spoken
    /// words ("pet ct" → "PET-CT", rule `abbreviation`).
    case writtenForm(String, rule: NormalizationRule)
}

/// How a radiology abbreviation is written, whatever case it was dictated or typed in.
struct CanonicalSpelling: Sendable {
    /// The written form ("MRT", "PET-CT").
    var written: [UInt16]
    /// Whether the word is an abbreviation only before a ``WordRoles/modalityContext`` word (English "mr", "pet":
    /// "mr angiography" but "Mr Smith", "pet scan" but "pet owner").
    var needsModalityContext = false
}

/// A unit name of one or more words ("Zentimeter", "Hounsfield Einheiten").
struct UnitPhrase: Sendable {
    /// Entry indices of the words after the first.
    var followingWords: [Int32]
    var unit: SpokenUnit
}

/// A spoken punctuation mark.
struct PunctuationCommand: Sendable {
    /// Which neighbour a mark is written against.
    enum Attachment: Sendable {
        /// No space before (".", ",", ")").
        case previousWord
        /// No space after ("(").
        case nextWord
        /// No space on either side ("-", "/").
        case bothWords
    }

    var mark: UInt16
    var attachment: Attachment
    /// English "colon": punctuation only after a section heading or before a line end or capitalised word.
    var needsHeadingOrBreak = false
    /// German "Punkt": an ordinary noun before written digits ("aus Punkt 1").
    var literalBeforeDigits = false
}

/// A unit of measurement after a spoken number, as the normaliser writes it.
struct SpokenUnit: Sendable {
    /// The written symbol, or `nil` when the unit is already written as a symbol and stays as it is.
    var symbol: String?
    /// Whether the symbol is written without a space after the number ("30°", English "50%").
    var attachesToNumber = false
}

/// A spinal prefix ("C", "Th", "L", "S", "HWK") that turns the numbers after it into a level.
struct SpinalPrefix: Sendable {
    /// The spine region, in cranio-caudal order.
    enum Region: Int, Sendable {
        case cervical, thoracic, lumbar, sacral
    }

    /// How the prefix is written ("Th", "HWK").
    var written: String
    var region: Region
    var levels: ClosedRange<Int>
    /// The last level of the region that joins the first level of the next ("C7/Th1", "Th12/L1", "L5/S1").
    var junctionLevel: Int
    /// Vertebral body prefixes (HWK, BWK, LWK) are written with a space and never joined into segments.
    var isVertebralBody = false
}

/// Collects entries and phrases for one language and produces the immutable vocabulary.
struct DictationVocabularyBuilder {
    private var index: [String: Int32] = [:]
    private var entries: [VocabularyEntry] = []

    /// The entry index of `word` (folded, lower-case), creating an empty entry when needed.
    mutating func entry(_ word: String) -> Int32 {
        if let existing = index[word] { return existing }
        let created = Int32(entries.count)
        index[word] = created
        entries.append(VocabularyEntry())
        return created
    }

    mutating func add(_ roles: WordRoles, to words: [String]) {
        for word in words { entries[Int(entry(word))].roles.formUnion(roles) }
    }

    mutating func addNumber(_ number: SpokenNumber, words: [String]) {
        for word in words { entries[Int(entry(word))].number = number }
    }

    mutating func addSpinalPrefix(_ prefix: SpinalPrefix, words: [String]) {
        for word in words { entries[Int(entry(word))].spinalPrefix = prefix }
    }

    /// Adds abbreviations, each given in its canonical spelling ("MRT", "PET-CT"); the folded spelling is the word looked up.
    mutating func addAbbreviations(_ spellings: [String], needsModalityContext: Bool = false) {
        for written in spellings {
            let spelling = CanonicalSpelling(written: Array(written.utf16), needsModalityContext: needsModalityContext)
            entries[Int(entry(written.lowercased()))].canonicalSpelling = spelling
        }
    }

    /// Adds phrases written as space-separated words ("klammer auf"); each word may carry inner hyphens.
    mutating func addPhrases(_ phrases: [String], action: PhraseAction, literalAfter: WordRoles = [], literalBefore: WordRoles = []) {
        for phrase in phrases {
            let words = entries(of: phrase)
            let rule = PhraseRule(
                followingWords: Array(words.dropFirst()),
                action: action,
                literalAfter: literalAfter,
                literalBefore: literalBefore
            )
            entries[Int(words[0])].phrases.append(rule)
        }
    }

    /// Adds unit names, written as space-separated words, that all mean `unit`.
    mutating func addUnit(_ unit: SpokenUnit, names: [String]) {
        for name in names {
            let words = entries(of: name)
            entries[Int(words[0])].units.append(UnitPhrase(followingWords: Array(words.dropFirst()), unit: unit))
        }
    }

    private mutating func entries(of phrase: String) -> [Int32] {
        phrase.split(separator: " ").map { entry(String($0)) }
    }

    func build(compoundNumbers: DictationVocabulary.CompoundNumbers, decimalMark: Character) -> DictationVocabulary {
        var sorted = entries
        for position in sorted.indices {
            sorted[position].phrases.sort { $0.followingWords.count > $1.followingWords.count }
            sorted[position].units.sort { $0.followingWords.count > $1.followingWords.count }
            if !sorted[position].phrases.isEmpty { sorted[position].roles.insert(.startsPhrase) }
            if !sorted[position].units.isEmpty { sorted[position].roles.insert(.startsUnit) }
            if sorted[position].spinalPrefix != nil { sorted[position].roles.insert(.spinalPrefix) }
            if sorted[position].canonicalSpelling != nil { sorted[position].roles.insert(.hasCanonicalSpelling) }
        }
        var words = [String](repeating: "", count: entries.count)
        for (word, entry) in index { words[Int(entry)] = word }
        return DictationVocabulary(
            words: FoldedWordTable(words: words),
            entries: sorted,
            compoundNumbers: compoundNumbers,
            decimalMark: decimalMark.utf16.first ?? 0x2E
        )
    }
}
