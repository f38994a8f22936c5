import Foundation
import RadScribeCore
import RadScribeReporting

/// Turns an engine's final utterance into a stored ``TranscriptSegment``: dictation normalisation (numbers, units,
/// commands), the medical terms found, risk flags on uncertain words and the mean confidence.
public struct SegmentFinalizer: Sendable {
    private let normalizer = DictationNormalizer()
    private let lexicon: Lexicon
    private let riskDetector: RiskWordDetector

    /// Creates a finalizer over the bundled lexicon.
    public init(lexicon: Lexicon = .bundled, riskDetector: RiskWordDetector = RiskWordDetector()) {
        self.lexicon = lexicon
        self.riskDetector = riskDetector
    }

    /// The segment for `utterance`, numbered `index` in session `sessionId`; `offset` seconds move its times from the
    /// recognizer's clock to the session's. `nil` when the utterance has no text.
    public func segment(
        for utterance: UtteranceTranscript,
        sessionId: UUID,
        index: Int,
        language: Language,
        offset: Double,
        createdAt: Date
    ) -> TranscriptSegment? {
        let rawText = utterance.text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !rawText.isEmpty else { return nil }
        let text = normalizedText(rawText, language: language)
        let words = utterance.words.map { $0.shifted(by: offset) }
        return TranscriptSegment(
            sessionId: sessionId,
            index: index,
            language: language,
            text: text,
            rawText: rawText,
            words: words,
            flags: riskDetector.flags(for: words, language: language),
            medicalTerms: medicalTerms(in: text, language: language),
            confidence: words.isEmpty ? 0 : words.map(\.confidence).reduce(0, +) / Double(words.count),
            start: utterance.start + offset,
            end: utterance.end + offset,
            createdAt: createdAt
        )
    }

    /// The text after dictation normalisation (spoken numbers and units written, dictation commands carried out).
    public func normalizedText(_ text: String, language: Language) -> String {
        normalizer.normalize(text, language: language).text
    }

    /// Preferred terms of the lexicon concepts in `text`, each once, in order of appearance.
    public func medicalTerms(in text: String, language: Language) -> [String] {
        var seen = Set<String>()
        return lexicon.matches(in: text, language: language).compactMap { match in
            seen.insert(match.concept.id).inserted ? match.concept.preferredTerm(in: language) : nil
        }
    }
}
