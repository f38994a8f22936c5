import RadScribeCore

/// Flags the words a radiologist should check against the audio: those the engine was unsure of *and* whose
/// mistake would change the report's meaning — a side, a number or unit, or a negation and its look-alikes.
///
/// Words are matched after ``WordFolding`` (case and surrounding punctuation ignored). A word that fits two risks
/// gets the first of negation, laterality, measurement ("ein" is a negation look-alike before it is a number).
public struct RiskWordDetector: Sendable {
    /// Words with a confidence below this are uncertain (0.6 by default).
    public var confidenceThreshold: Double

    /// Creates a detector.
    ///
    /// - Parameter confidenceThreshold: The confidence below which a word counts as uncertain.
    public init(confidenceThreshold: Double = 0.6) {
        self.confidenceThreshold = confidenceThreshold
    }

    /// The flags for the uncertain high-risk words among `words`, in word order.
    ///
    /// - Parameters:
    ///   - words: The words of one segment.
    ///   - language: The dictation language, which selects the side, number and negation words.
    /// - Returns: One flag per flagged word; its `wordIndex` is the word's index in `words`.
    public func flags(for words: [RecognizedWord], language: Language) -> [WordFlag] {
        words.indices.compactMap { index in
            let word = words[index]
            guard word.confidence < confidenceThreshold, let risk = Self.risk(of: word.text, language: language) else { return nil }
            return WordFlag(wordIndex: index, word: word.text, risk: risk, confidence: word.confidence)
        }
    }

    /// Why a mistake in `word` would matter, whatever the engine's confidence; `nil` for an ordinary word.
    ///
    /// - Parameters:
    ///   - word: The word as the engine wrote it.
    ///   - language: The dictation language.
    public static func risk(of word: String, language: Language) -> WordFlag.Risk? {
        let folded = WordFolding.fold(word)
        guard !folded.isEmpty else { return nil }
        if RiskVocabulary.negations[language]?.contains(folded) == true || (language == .en && (folded.hasSuffix("n't") || folded.hasSuffix("n’t"))) {
            return .negation
        }
        if RiskVocabulary.lateralityWords[language]?.contains(folded) == true
            || RiskVocabulary.lateralityPrefixes[language]?.contains(where: folded.hasPrefix) == true
        {
            return .laterality
        }
        if folded.unicodeScalars.contains(where: { $0.properties.numericType != nil }) || RiskVocabulary.units.contains(folded)
            || SpelledNumber.isNumber(folded, language: language)
        {
            return .measurement
        }
        return nil
    }
}
