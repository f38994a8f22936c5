import RadScribeCore

/// Decides whether a concept in a sentence is stated as present, negated or hedged (NegEx-style), in German and English.
///
/// Cue phrases are matched on folded tokens, longest first: negations before the concept ("kein", "ohne",
/// "kein Hinweis auf", "no evidence of", "negative for") or after it ("ausgeschlossen", "nicht nachweisbar",
/// "is not seen", "ruled out"), uncertainty cues ("V. a.", "fraglich", "DD", "nicht auszuschließen", "possible",
/// "cannot be excluded", "suspicious for"), pseudo-triggers that negate nothing ("nicht nur", "not only",
/// "keine wesentliche Befundänderung", "no interval change") and scope terminators ("aber", "jedoch", "but",
/// "however", ";"). See `SentenceCues` for the scope rules.
public struct AssertionDetector: Sendable {
    /// Creates a detector.
    public init() {}

    /// Whether the concept at `target` is present, absent or possible, with the cue that decided it.
    ///
    /// - Parameters:
    ///   - target: The range of the concept mention; it must lie inside `sentence`.
    ///   - sentence: The sentence, as a slice of the report text.
    ///   - language: The language of the cues.
    /// - Returns: The assertion and, unless it is `present`, the deciding cue; the cue's span counts UTF-16 code
    ///   units from the start of `sentence.base`.
    public func assertion(of target: Range<String.Index>, in sentence: Substring, language: Language) -> (Assertion, AssertionCue?) {
        let text = TokenizedText(sentence.base, range: sentence.startIndex..<sentence.endIndex)
        let targetTokens = text.tokenRange(of: TextSpan(target, in: sentence.base))
        guard !targetTokens.isEmpty else { return (.present, nil) }
        let cues = cues(in: text, sentence: 0..<text.tokens.count, language: language)
        let decision = cues.decision(for: targetTokens)
        return (decision.assertion, decision.cue.map { cue(of: $0, in: text) })
    }

    /// The cues of one sentence of an already tokenised text, for deciding several concepts in it.
    func cues(in text: TokenizedText, sentence: Range<Int>, language: Language) -> SentenceCues {
        SentenceCues(text: text, sentence: sentence, language: language)
    }

    /// The cue at `tokens` as it appears in the text.
    func cue(of tokens: Range<Int>, in text: TokenizedText) -> AssertionCue {
        AssertionCue(text: text.string(of: tokens), span: text.span(of: tokens))
    }
}
