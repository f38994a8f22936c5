/// Word errors of recognised text against the expected text: the minimum substitutions, deletions and insertions
/// (Levenshtein distance over words) and the number of expected words.
struct WordErrorCount: Sendable, Equatable, Codable {
    /// Substitutions + deletions + insertions.
    var edits = 0
    /// Words of the expected text.
    var referenceWords = 0

    /// Counts the word errors of `hypothesis` against `reference`, both normalised by ``normalizedWords(_:)``.
    init(reference: String, hypothesis: String) {
        let expected = Self.normalizedWords(reference)
        edits = Self.editDistance(expected, Self.normalizedWords(hypothesis))
        referenceWords = expected.count
    }

    /// No words, no errors.
    init() {}

    /// The word error rate (S + D + I) / N, or `nil` without expected words.
    var rate: Double? { referenceWords == 0 ? nil : Double(edits) / Double(referenceWords) }

    /// The counts of both summed: the rate over a corpus weighs each dictation by its length.
    static func + (lhs: WordErrorCount, rhs: WordErrorCount) -> WordErrorCount {
        var sum = lhs
        sum.edits += rhs.edits
        sum.referenceWords += rhs.referenceWords
        return sum
    }

    /// Lower-cased words without punctuation, as compared for the word error rate.
    ///
    /// Letters and digits form words; every other character separates them, except that a decimal mark between two
    /// digits is kept and written "." ("2,4" and "2.4" are the same number) and an apostrophe inside a word is
    /// dropped. Hyphenated words count as their parts ("Follow-up" → "follow", "up"), "%" and "°" are dropped
    /// ("50%" → "50").
    static func normalizedWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character.isLetter || character.isNumber {
                word += character.lowercased()
            } else if character == "," || character == ".", word.last?.isNumber == true,
                index + 1 < characters.count, characters[index + 1].isNumber
            {
                word += "."
            } else if character == "'" || character == "\u{2019}", !word.isEmpty {
                continue
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The Levenshtein distance between two word sequences.
    static func editDistance(_ reference: [String], _ hypothesis: [String]) -> Int {
        var previous = Array(0...hypothesis.count)
        for (row, expected) in reference.enumerated() {
            var current = [row + 1]
            current.reserveCapacity(hypothesis.count + 1)
            for (column, recognised) in hypothesis.enumerated() {
                let substitution = previous[column] + (expected == recognised ? 0 : 1)
                current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
            }
            previous = current
        }
        return previous[hypothesis.count]
    }
}
