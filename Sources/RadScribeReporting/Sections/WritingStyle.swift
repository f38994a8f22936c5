import RadScribeCore

/// Whether a text reads like speech-engine output or like typed text, judged once per text from its casing and punctuation.
///
/// Speech engines write German nouns in lower case ("befund in höhe L4/5 mediolinks betonter bandscheibenvorfall"),
/// where typed German capitalises them; so a German text whose words inside sentences are almost never capitalised is
/// speech-like. English writes those words in lower case either way, so an English text counts as speech-like only when
/// it also runs on for many words without a sentence mark ("clinical history back pain findings there is …"). Words in
/// capitals ("MRT", "BI-RADS") and short words ("L4", "Th12") say nothing about the style and are not counted, nor are
/// sentence starts, which the normaliser capitalises.
struct WritingStyle: Sendable, Equatable {
    /// Below this share of capitalised words inside sentences (in percent) a text is written in lower case.
    private static let maximumCapitalisedPercent = 15
    /// Fewer countable words than this say nothing about the casing.
    private static let minimumCountedWords = 5
    /// From this many words per sentence on, an English text is taken for unpunctuated speech.
    private static let minimumWordsPerSpokenSentence = 15

    /// Whether the text reads like speech-engine output.
    let isSpeechLike: Bool

    /// Judges the style of `text`, written in `language`.
    init(text: FoldedText, language: Language) {
        var counted = 0
        var capitalised = 0
        for (index, token) in text.tokens.enumerated() where index > 0 && text.tokens[index - 1].sentence == token.sentence {
            guard token.length >= 4, CodeUnit.isLetter(text.original[token.start]) else { continue }
            let second = text.original[token.start + 1]
            guard !CodeUnit.isUpper(second) else { continue }
            counted += 1
            if CodeUnit.isUpper(text.original[token.start]) { capitalised += 1 }
        }
        let isLowerCase = counted >= Self.minimumCountedWords && capitalised * 100 < counted * Self.maximumCapitalisedPercent
        switch language {
        case .de:
            isSpeechLike = isLowerCase
        case .en:
            let sentences = (text.tokens.last?.sentence ?? 0) + 1
            isSpeechLike = isLowerCase && text.tokens.count >= sentences * Self.minimumWordsPerSpokenSentence
        }
    }
}
