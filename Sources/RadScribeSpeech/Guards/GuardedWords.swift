import RadScribeCore

/// The words of one engine output while the guards edit them, each with its folded form (see ``WordFolding``).
///
/// When the engine returned no words, the whitespace-separated tokens of its text stand in for them, without timing.
struct GuardedWords {
    /// The remaining words.
    private(set) var words: [RecognizedWord]
    /// `WordFolding.fold` of each remaining word.
    private(set) var folded: [String]
    /// Whether the words carry the engine's timing and confidence.
    let hasTiming: Bool

    init(_ transcription: Transcription) {
        if transcription.words.isEmpty {
            words = transcription.text.split(whereSeparator: \.isWhitespace).map {
                RecognizedWord(text: String($0), start: 0, end: 0, confidence: 0)
            }
            hasTiming = false
        } else {
            words = transcription.words
            hasTiming = true
        }
        folded = words.map { WordFolding.fold($0.text) }
    }

    var count: Int { words.count }

    /// Removes the given ranges, which must be sorted and must not overlap.
    mutating func remove(_ ranges: [Range<Int>]) {
        guard !ranges.isEmpty else { return }
        var keptWords: [RecognizedWord] = []
        var keptFolded: [String] = []
        keptWords.reserveCapacity(words.count)
        keptFolded.reserveCapacity(words.count)
        var next = 0
        for range in ranges {
            keptWords.append(contentsOf: words[next..<range.lowerBound])
            keptFolded.append(contentsOf: folded[next..<range.lowerBound])
            next = range.upperBound
        }
        keptWords.append(contentsOf: words[next...])
        keptFolded.append(contentsOf: folded[next...])
        words = keptWords
        folded = keptFolded
    }

    /// Gives the word at `index` the trailing punctuation of the word at `source` ("unauffällig," → "unauffällig.").
    mutating func copyTrailingPunctuation(from source: Int, to index: Int) {
        words[index].text = WordFolding.replacingTrailingPunctuation(
            of: words[index].text,
            with: WordFolding.trailingPunctuation(of: words[source].text)
        )
    }

    /// The text of the remaining words, separated by single spaces.
    var text: String { words.lazy.map(\.text).joined(separator: " ") }
}
