/// Splits report text into sentences at full stops, question and exclamation marks and line breaks.
///
/// A full stop does not end a sentence inside a number ("3.5 cm", "12.03.2024"), after an abbreviation
/// ("z. B.", "V. a.", "ca.", "Dr.", "e.g.", "approx."), after a German ordinal ("der 7. Rippe") or after the
/// number of an enumeration ("1. Pleuraerguss"). Abbreviations that often end a sentence ("bds.", "li.", "i.v.",
/// "etc.") end one when a capitalised word follows. List markers at the start of a sentence ("-", "•", "1.", "2)")
/// are left out of it, and the next number of an enumeration starts a new sentence even without a full stop
/// before it ("1. Erguss 2. Kein Pneumothorax", "a) Erguss b) Infiltrat").
public struct SentenceSplitter: Sendable {
    /// Creates a splitter.
    public init() {}

    /// The sentences in `range` of `text`, in order, trimmed, without list markers.
    public func sentences(in text: String, range: Range<String.Index>) -> [Range<String.Index>] {
        let tokenized = TokenizedText(text, range: range)
        return sentences(in: tokenized, range: 0..<tokenized.tokens.count).map { tokenized.range(of: $0) }
    }

    /// The sentences in `range` of a tokenised text, as token ranges.
    func sentences(in text: TokenizedText, range: Range<Int>) -> [Range<Int>] {
        let tokens = text.tokens
        let limit = range.upperBound
        var sentences: [Range<Int>] = []
        var start = range.lowerBound
        var hasWords = false
        var nextEnumerator: String?
        var index = range.lowerBound

        func close(at end: Int) {
            if hasWords { sentences.append(start..<end) }
            start = end
            hasWords = false
        }

        while index < limit {
            if index > start, tokens[index].lineBreakBefore { close(at: index) }
            if index == start {
                let markerLength = SentenceBoundaries.listMarkerLength(at: index, in: tokens, limit: limit)
                if markerLength > 0 {
                    nextEnumerator = SentenceBoundaries.enumerator(after: tokens[index])
                    index += markerLength
                    start = index
                    continue
                }
            }
            if tokens[index].kind == .symbol {
                if SentenceBoundaries.endsSentence(at: index, in: tokens, sentenceStart: start, limit: limit) {
                    var end = index + 1
                    while end < limit, !tokens[end].spaceBefore, SentenceBoundaries.isClosingPunctuation(at: end, in: tokens) {
                        end += 1
                    }
                    close(at: end)
                    index = end
                    continue
                }
            } else if let expected = nextEnumerator, index > start, tokens[index].key == expected,
                SentenceBoundaries.listMarkerLength(at: index, in: tokens, limit: limit) > 0
            {
                close(at: index)
                continue
            } else {
                hasWords = true
            }
            index += 1
        }
        if start < limit { close(at: limit) }
        return sentences
    }
}
