import RadScribeCore

/// Turns dictated German or English text into written report text (inverse text normalisation) and executes
/// dictation commands, recording every change as a ``NormalizationEdit``.
///
/// What it does, in the order the rules are tried at each word:
/// - **Spinal levels**: "L vier fünf" → "L4/5", "L fünf S eins"/"L5 S1" → "L5/S1", "Th zwölf" → "Th12",
///   "HWK sechs" → "HWK 6" (see `normalizeSpinalLevel(at:)` for the rules).
/// - **Quantities**: number words become digits only when they form a quantity: a unit, a spoken decimal, a
///   dimension or another number follows, or a score/grade/level word precedes ("drei Komma fünf Zentimeter" →
///   "3,5 cm", "four by three centimeters" → "4 x 3 cm", "BI-RADS vier" → "BI-RADS 4"); "eine Läsion" stays.
///   Written numbers stay as written (see `normalizeQuantity(at:)`).
/// - **Phrases**: score names ("bi rads" → "BI-RADS"), spoken punctuation ("Punkt", "comma", "Klammer auf"),
///   line breaks ("neue Zeile", "new paragraph"), navigation commands ("nächstes Feld", "next field",
///   "previous field", "next section", "accept defaults") and editing commands ("streiche das", "scratch that",
///   "delete last word"). Command words that are ordinary nouns here stay ("der Punkt", "a period of",
///   "sigmoid colon"; see `applyPhrase(at:)`).
/// - **Abbreviations**: radiology abbreviations are written in their canonical case ("mrt der lws" → "MRT der LWS",
///   "ct thorax mit km" → "CT thorax mit KM", "pet ct" → "PET-CT", "ekg" → "EKG"), and unspaced spinal levels and
///   sequence names get a capital prefix ("t2" → "T2", "l4" → "L4"). Only unambiguous words are listed; English
///   "mr" and "pet" count only before an imaging noun ("mr angiography", not "Mr Smith"), "km"/"ms" after a number
///   are units (see `addSharedAbbreviations()`).
/// - **Capitalisation** of sentence starts. Nothing is lower-cased except into an abbreviation's canonical spelling.
///
/// Spoken punctuation is written against the previous word; spaces that commands leave behind are
/// collapsed, line breaks kept. Text that is already written (typed) passes through without edits.
///
/// **Edits.** Each edit covers the original words it replaced and the text it wrote (UTF-16 offsets):
/// `number`, `unit`, `dimension`, `spinal_level`, `score`, `abbreviation`, `punctuation`, `capitalization` (its own edit for the
/// first letter only), `command.new_line`, `command.new_paragraph`, and for removed text (empty output)
/// `command.scratch_that`, `command.delete_last_word`, `command.next_field`, `command.previous_field`,
/// `command.accept_defaults`; `command.next_section` writes a blank line. A removal also covers the words it
/// removed, and whitespace a command swallows belongs to that command's edit.
///
/// The normaliser tokenises each text once and looks each word up once; the vocabularies are built on first use.
public struct DictationNormalizer: Sendable {
    /// Creates a normaliser.
    public init() {}

    /// Normalises dictated `text`.
    ///
    /// - Parameters:
    ///   - text: Dictated or typed text.
    ///   - language: The language of the dictation: German or English rules, decimal comma or point.
    /// - Returns: The written text, its edits and the navigation commands met.
    public func normalize(_ text: String, language: Language) -> NormalizedDictation {
        guard !text.isEmpty else { return NormalizedDictation(text: text) }
        var pass = DictationNormalizationPass(text: text, vocabulary: DictationVocabulary.vocabulary(for: language))
        return pass.run()
    }
}
