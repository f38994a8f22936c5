/// How the annotated concept was found in its sentence.
public enum TargetMatch: String, Sendable, CaseIterable, Hashable, Codable {
    /// The concept occurs upper-cased, as the annotators marked it.
    case marked
    /// The concept occurs ignoring case and the width of spaces.
    case loose
    /// The concept runs past the sentence (the test set split a few sentences differently); the whole sentence is the target.
    case wholeSentence = "whole_sentence"
}

/// Finds the annotated concept of a NegEx test sentence.
enum TargetLocator {
    /// The range of `concept` in `sentence` and how it was found.
    ///
    /// The upper-cased occurrence comes first because the concept may also occur unmarked earlier in the sentence.
    static func locate(_ concept: String, in sentence: String) -> (range: Range<String.Index>, match: TargetMatch) {
        let words = concept.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard !words.isEmpty else { return (sentence.startIndex..<sentence.endIndex, .wholeSentence) }
        if let range = sentence.firstRange(of: concept.uppercased()) {
            return (range, .marked)
        }
        var start = sentence.startIndex
        while start < sentence.endIndex {
            if let end = matchEnd(of: words, in: sentence, from: start) {
                return (start..<end, .loose)
            }
            start = sentence.index(after: start)
        }
        return (sentence.startIndex..<sentence.endIndex, .wholeSentence)
    }

    /// Where `words` end when they occur at `start`, case-insensitively and separated by any whitespace.
    private static func matchEnd(of words: [String], in sentence: String, from start: String.Index) -> String.Index? {
        var position = start
        for (number, word) in words.enumerated() {
            if number > 0 {
                guard position < sentence.endIndex, sentence[position].isWhitespace else { return nil }
                while position < sentence.endIndex, sentence[position].isWhitespace { position = sentence.index(after: position) }
            }
            for character in word {
                guard position < sentence.endIndex, sentence[position].lowercased() == String(character) else { return nil }
                position = sentence.index(after: position)
            }
        }
        return position
    }
}
