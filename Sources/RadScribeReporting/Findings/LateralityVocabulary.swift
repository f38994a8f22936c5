import RadScribeCore

/// The words that name a body side, and the anatomy names that contain a side word without naming a lesion side.
///
/// "linker Vorhof", "rechter Leberlappen", "left ventricle" and "right coronary artery" are structures of unpaired
/// organs: the side word is part of the name, so a finding there has no laterality. Compounds ("Linksherz",
/// "linksventrikulär", "Rechtsherzbelastung") are single words and never match a side word in the first place.
/// A side word after "nach" or "to the" is a direction ("Mediastinalverlagerung nach rechts"), not a side.
struct LateralityVocabulary: Sendable {
    /// The German side words.
    static let german = LateralityVocabulary(
        language: .de,
        sides: [
            .left: ["links", "li", "linksseitig", "linksseits", "linke", "linker", "linken", "linkem", "linkes"],
            .right: ["rechts", "re", "rechtsseitig", "rechtsseits", "rechte", "rechter", "rechten", "rechtem", "rechtes"],
            .bilateral: ["beidseits", "beiderseits", "bds", "beidseitig", "beiderseitig", "bilateral"],
        ],
        inflected: ["linksseitig", "rechtsseitig", "beidseitig", "beiderseitig", "bilateral"],
        anatomyNames: [
            "Vorhof", "Vorhofohr", "Ventrikel", "Herzkammer", "Kammer", "Atrium", "Herzhälfte", "Herz", "Herzohr", "Leberlappen",
            "Leberhälfte", "Koronararterie", "Kranzarterie", "Herzkranzarterie", "Hauptstamm", "Pfortaderast",
            "Herzinsuffizienz", "Herzbelastung",
        ],
        abbreviations: ["li", "re"],
        directions: [["nach"]]
    )

    /// The English side words.
    static let english = LateralityVocabulary(
        language: .en,
        sides: [.left: ["left"], .right: ["right"], .bilateral: ["bilateral", "bilaterally"]],
        inflected: [],
        anatomyNames: [
            "ventricle", "ventricular", "atrium", "atrial", "heart", "hepatic", "coronary", "circumflex", "portal vein",
            "anterior descending", "bundle branch", "lobe of the liver", "liver lobe", "main coronary", "sided heart",
        ],
        abbreviations: [],
        directions: [["to", "the"], ["towards", "the"], ["toward", "the"]]
    )

    /// The side a folded word names, if it is a side word.
    func side(of key: String) -> Laterality? {
        guard let first = key.utf8.first, initials[Int(first)], key.utf8.count <= longestSide else { return nil }
        return sides[key]
    }

    /// The side words of `language`.
    static func forLanguage(_ language: Language) -> LateralityVocabulary {
        language == .de ? german : english
    }

    /// Folded side word → side.
    let sides: [String: Laterality]
    /// Whether some side word starts with this byte: most words are rejected here, without hashing.
    private let initials: [Bool]
    /// The longest side word in bytes.
    private let longestSide: Int
    /// Side words that are short abbreviations: not a side when a hyphen joins them to the next word ("Re-Evaluation").
    let abbreviations: Set<String>
    /// First folded word of an anatomy name that follows a side word → the folded words of the whole name.
    let anatomyNames: [String: [[String]]]
    /// Folded word sequences that make the following side word a direction.
    let directions: [[String]]

    private init(
        language: Language,
        sides: [Laterality: [String]],
        inflected: [String],
        anatomyNames: [String],
        abbreviations: Set<String>,
        directions: [[String]]
    ) {
        var lookup: [String: Laterality] = [:]
        for (side, words) in sides {
            for word in words { lookup[word] = side }
        }
        for word in inflected {
            guard let side = lookup[word] else { continue }
            for form in TermInflector.germanAdjectiveForms(word) { lookup[form] = side }
        }
        self.sides = lookup
        var initials = [Bool](repeating: false, count: 256)
        for word in lookup.keys { initials[Int(word.utf8.first ?? 0)] = true }
        self.initials = initials
        self.longestSide = lookup.keys.map(\.utf8.count).max() ?? 0
        self.abbreviations = abbreviations
        var names: [String: [[String]]] = [:]
        for name in anatomyNames {
            let keys = Tokenizer.keys(of: name)
            let forms = language == .de ? TermInflector.germanNounForms(keys[0]) : TermInflector.englishPluralForms(keys[0])
            for form in keys.count == 1 ? forms : [keys[0]] {
                names[form, default: []].append([form] + keys.dropFirst())
            }
        }
        self.anatomyNames = names
        self.directions = directions
    }
}
