import RadScribeCore

/// The deterministic report engine: dictated text in, a structured, checked report out.
///
/// The pipeline: resolve the language (detect it for `auto`) → normalise the dictation (spoken numbers, units, levels,
/// dictation and editing commands) → segment sections → extract sentence-level findings → classify the exam type → run the
/// specialised agent(s) → check consistency. Pure and synchronous; one instance serves any number of concurrent callers.
public struct ReportEngine: Sendable {
    /// The engine's version, recorded in every report's provenance.
    public static let version = "1.0.0"

    /// The language used when `auto` detection finds no evidence.
    public let fallbackLanguage: Language

    private let lexicon: Lexicon
    private let normalizer = DictationNormalizer()
    private let languageDetector = LanguageDetector()
    private let segmenter = SectionSegmenter()
    private let findingExtractor: FindingExtractor
    private let lateralityDetector = LateralityDetector()
    private let classifier = ExamClassifier()
    private let agents = ExamAgents()
    private let checker = ConsistencyChecker()

    /// Creates an engine.
    ///
    /// - Parameters:
    ///   - fallbackLanguage: The language for `auto` requests whose text gives no evidence.
    ///   - lexicon: The terminology; the bundled one by default.
    public init(fallbackLanguage: Language = .de, lexicon: Lexicon = .bundled) {
        self.fallbackLanguage = fallbackLanguage
        self.lexicon = lexicon
        self.findingExtractor = FindingExtractor(lexicon: lexicon)
    }

    /// Structures one dictation.
    ///
    /// - Parameters:
    ///   - text: The dictation as spoken (speech-engine output) or typed.
    ///   - language: The language, or `.auto` to detect it.
    ///   - context: What is known about the exam; sharpens the consistency checks.
    /// - Returns: The structured report.
    /// - Throws: ``ReportingError`` `emptyText` when the dictation holds no words, before or after editing commands.
    public func structure(
        _ text: String,
        language: LanguageSelection,
        context: ReportContext = ReportContext()
    ) throws(ReportingError) -> StructuredReport {
        guard text.contains(where: { !$0.isWhitespace }) else { throw ReportingError(.emptyText) }
        let (reportLanguage, languageSource) = resolve(language, for: text)
        let normalized = normalizer.normalize(text, language: reportLanguage)
        guard normalized.text.contains(where: { !$0.isWhitespace }) else { throw ReportingError(.emptyText) }

        let folded = FoldedText(normalized.text)
        let sections = segmenter.segment(folded, language: reportLanguage)
        let findings = findingExtractor.findings(in: normalized.text, sections: sections, language: reportLanguage)
        let classification = classifier.classify(folded, sections: sections, findings: findings, context: context)
        let examData = agents.extract(
            classification: classification,
            text: folded,
            sections: sections,
            findings: findings,
            language: reportLanguage
        )
        let warnings = checker.check(
            text: normalized.text,
            sections: sections,
            findings: findings,
            language: reportLanguage,
            context: context,
            clinicalQuestionLaterality: context.clinicalQuestion.flatMap { lateralityDetector.laterality(in: $0[...], language: reportLanguage) }
        )
        return StructuredReport(
            language: reportLanguage,
            languageSource: languageSource,
            originalText: text,
            text: normalized.text,
            normalization: normalized.edits,
            sections: sections,
            classification: classification,
            findings: findings,
            examData: examData,
            warnings: warnings,
            provenance: Provenance(engine: "rule-based", engineVersion: Self.version, lexiconVersion: lexicon.version)
        )
    }

    private func resolve(_ selection: LanguageSelection, for text: String) -> (Language, LanguageSource) {
        switch selection {
        case .fixed(let language): (language, .requested)
        case .auto: (languageDetector.detect(text) ?? fallbackLanguage, .detected)
        }
    }
}
