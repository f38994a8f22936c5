import RadScribeCore
import RadScribeReporting

/// Builds Whisper's initial prompt: a comma-separated list of the medical terms a dictation is likely to contain,
/// so the decoder spells them the way the lexicon does.
///
/// Terms come from the bundled ``Lexicon``: the preferred terms of the concepts that are evidence for the exam type
/// (its `exam_types` weights), strongest first and then in lexicon order, topped up with those of
/// ``ExamType/general``; without an exam type, the general terms alone. The result is deterministic and at most
/// ``maximumLength`` characters long, about 150 Whisper tokens, well inside the decoder's 224-token prompt window.
/// The lexicon's lists are built once per language and exam type, on first use, into an immutable table.
public enum VocabularyPrompt {
    /// The longest prompt, in characters.
    public static let maximumLength = 600

    /// The lexicon's terms per language and exam type (`nil` stands for no exam type), each list already short
    /// enough to fit ``maximumLength`` on its own.
    private static let lexiconTerms: [Language: [ExamType?: [String]]] = {
        let lexicon = Lexicon.bundled
        var table: [Language: [ExamType?: [String]]] = [:]
        for language in Language.allCases {
            let general = terms(of: lexicon, for: .general, in: language)
            table[language, default: [:]][nil] = fitting(general)
            for examType in ExamType.allCases {
                table[language, default: [:]][examType] = fitting(terms(of: lexicon, for: examType, in: language) + general)
            }
        }
        return table
    }()

    /// The prompt for a dictation.
    ///
    /// - Parameters:
    ///   - language: The dictation language.
    ///   - examType: The exam being reported, when known; it picks the terms.
    ///   - extraTerms: Terms that come first, in order (a caller's own prompt or vocabulary); white space in them is
    ///     collapsed, and blank ones and repeats (ignoring case) are dropped.
    /// - Returns: The terms joined by ", ". Terms are added in order until the next one would pass ``maximumLength``.
    public static func make(language: Language, examType: ExamType?, extraTerms: [String] = []) -> String {
        let base = lexiconTerms[language]?[examType] ?? []
        guard !extraTerms.isEmpty else { return base.joined(separator: ", ") }
        let extras = extraTerms.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.filter { !$0.isEmpty }
        return fitting(extras + base).joined(separator: ", ")
    }

    /// The preferred terms of the concepts that are evidence for `examType`, strongest first, then in lexicon order.
    private static func terms(of lexicon: Lexicon, for examType: ExamType, in language: Language) -> [String] {
        lexicon.concepts.enumerated()
            .compactMap { index, concept in concept.examTypes[examType].map { (weight: $0, index: index, concept: concept) } }
            .sorted { ($0.weight, $1.index) > ($1.weight, $0.index) }
            .map { $0.concept.preferredTerm(in: language) }
            .filter { !$0.contains(",") }
    }

    /// The terms, without repeats (ignoring case), in order until the next would make the joined list too long.
    private static func fitting(_ terms: [String]) -> [String] {
        var seen: Set<String> = []
        var result: [String] = []
        var length = 0
        for term in terms where seen.insert(term.lowercased()).inserted {
            let added = (result.isEmpty ? 0 : 2) + term.count
            guard length + added <= maximumLength else { break }
            result.append(term)
            length += added
        }
        return result
    }
}
