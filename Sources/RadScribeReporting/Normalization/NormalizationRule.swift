/// The rules that ``DictationNormalizer`` applies; `name` is what an edit's `rule` says.
enum NormalizationRule: UInt8, Sendable {
    /// Spoken number → digits ("drei Komma fünf" → "3,5").
    case number
    /// Spoken unit → symbol ("Zentimeter" → "cm"), or a space inserted before a written symbol ("12.5mm").
    case unit
    /// Spoken dimension separator → "x" ("mal", "by").
    case dimension
    /// Spinal level ("L vier fünf" → "L4/5", "L5 S1" → "L5/S1").
    case spinalLevel
    /// Score name ("bi rads" → "BI-RADS").
    case score
    /// Radiology abbreviation written in its canonical case ("mrt" → "MRT", "pet ct" → "PET-CT").
    case abbreviation
    /// Spoken punctuation ("Punkt" → ".").
    case punctuation
    /// First letter of a sentence capitalised.
    case capitalization
    /// "neue Zeile"/"new line" → line break.
    case newLine
    /// "neuer Absatz"/"new paragraph" → blank line.
    case newParagraph
    /// "streiche das"/"scratch that": the preceding phrase and the command removed.
    case scratchThat
    /// "lösche das letzte Wort"/"delete last word": the preceding word and the command removed.
    case deleteLastWord
    /// "nächstes Feld"/"next field": removed, reported as a command.
    case nextField
    /// "vorheriges Feld"/"previous field": removed, reported as a command.
    case previousField
    /// "nächster Abschnitt"/"next section": a blank line, reported as a command.
    case nextSection
    /// "Standardwerte übernehmen"/"accept defaults": removed, reported as a command.
    case acceptDefaults

    /// The rule name written into ``NormalizationEdit/rule``.
    var name: String {
        switch self {
        case .number: "number"
        case .unit: "unit"
        case .dimension: "dimension"
        case .spinalLevel: "spinal_level"
        case .score: "score"
        case .abbreviation: "abbreviation"
        case .punctuation: "punctuation"
        case .capitalization: "capitalization"
        case .newLine: "command.new_line"
        case .newParagraph: "command.new_paragraph"
        case .scratchThat: "command.scratch_that"
        case .deleteLastWord: "command.delete_last_word"
        case .nextField: "command.next_field"
        case .previousField: "command.previous_field"
        case .nextSection: "command.next_section"
        case .acceptDefaults: "command.accept_defaults"
        }
    }
}
