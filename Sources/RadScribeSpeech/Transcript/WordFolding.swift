/// Folds recognised words so that two spellings of the same spoken word compare equal.
///
/// Folding lower-cases a word and strips punctuation and symbols from both ends: "Pneumothorax," and "pneumothorax."
/// fold alike, as do "(links)" and "links". Marks inside a word stay, because they carry meaning in dictation
/// ("L4/5", "Amara.org", "war's"); umlauts and ß stay too, so "Bruch" and "Brüche" remain different words.
enum WordFolding {
    /// The folded form of one word; empty when the word is only punctuation ("–", "...").
    static func fold(_ word: some StringProtocol) -> String {
        let scalars = word.unicodeScalars
        guard let first = scalars.firstIndex(where: isWordScalar), let last = scalars.lastIndex(where: isWordScalar) else { return "" }
        return word[first...last].lowercased()
    }

    /// The punctuation and symbols that follow the last letter or digit of `word` ("," in "links,"; "" in "links").
    static func trailingPunctuation(of word: String) -> Substring {
        let scalars = word.unicodeScalars
        guard let last = scalars.lastIndex(where: isWordScalar) else { return word[...] }
        return word[scalars.index(after: last)...]
    }

    /// `word` with its trailing punctuation replaced by `punctuation`.
    static func replacingTrailingPunctuation(of word: String, with punctuation: Substring) -> String {
        let scalars = word.unicodeScalars
        guard let last = scalars.lastIndex(where: isWordScalar) else { return String(punctuation) }
        return String(word[...last]) + punctuation
    }

    /// Whether the word ends a sentence (its trailing punctuation holds `.`, `!`, `?` or `…`).
    static func endsSentence(_ word: String) -> Bool {
        trailingPunctuation(of: word).unicodeScalars.contains { $0 == "." || $0 == "!" || $0 == "?" || $0 == "…" }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation,
            .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .spaceSeparator, .lineSeparator,
            .paragraphSeparator, .control, .format:
            return false
        default:
            return true
        }
    }
}
