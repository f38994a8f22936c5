/// Splits report text into sentences at full stops, question and exclamation marks and line breaks.
///
/// A full stop does not end a sentence inside a number ("3.5 cm", "12.03.2024"), after an abbreviation
/// ("z. B.", "V. a.", "ca.", "Dr.", "e.g.", "approx."), after a German ordinal ("der 7. Rippe") or after the
/// number of an enumeration ("1. Pleuraerguss"). Abbreviations that often end a sentence ("bds.", "li.", "i.v.",
/// "etc.") end one when a capitalised word follows. List markers at the start of a sentence ("-", "•", "1.", "2)")
/// are left out of it, and the next number of an enumeration starts a new sentence even without a full stop
/// before it ("1. Erguss 2. Kein Pneumothorax").
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
        var sentences: [Range<Int>] = []
        var start = range.lowerBound
        var enumeration: Int?
        var index = range.lowerBound

        func close(at end: Int) {
            if tokens[start..<end].contains(where: \.isWordOrNumber) { sentences.append(start..<end) }
            start = end
        }

        while index < range.upperBound {
            let token = tokens[index]
            if index > start, token.lineBreakBefore { close(at: index) }
            if index == start {
                let markerLength = SentenceBoundaries.listMarkerLength(at: index, in: tokens, limit: range.upperBound)
                if markerLength > 0 {
                    if tokens[index].kind == .number { enumeration = Int(tokens[index].key) }
                    index += markerLength
                    start = index
                    continue
                }
            }
            if index > start, let current = enumeration, token.kind == .number, Int(token.key) == current + 1,
                SentenceBoundaries.listMarkerLength(at: index, in: tokens, limit: range.upperBound) > 0
            {
                close(at: index)
                continue
            }
            if token.kind == .symbol, SentenceBoundaries.endsSentence(at: index, in: tokens, sentenceStart: start, limit: range.upperBound) {
                var end = index + 1
                while end < range.upperBound, SentenceBoundaries.closingPunctuation.contains(tokens[end].key), !tokens[end].spaceBefore {
                    end += 1
                }
                close(at: end)
                index = end
                continue
            }
            index += 1
        }
        if start < range.upperBound { close(at: range.upperBound) }
        return sentences
    }
}
