import Foundation
import RadScribeCore
import RadScribeReporting

/// Scores the report engine against the public corpora (`../shared/eval` from the project root).
///
/// One run measures section segmentation, exam classification, sentence-level negation (when an assertion function is
/// given) and report-level negation, and times the engine:
///
/// ```swift
/// let suite = EvaluationSuite(directory: URL(fileURLWithPath: "../shared/eval"))
/// let result = try suite.run(EvaluationOptions(limit: 500))
/// print(EvaluationReport.render(result, showErrors: false))
/// ```
///
/// The corpora are not part of the project; the run fails with ``EvaluationError`` naming every missing file.
public struct EvaluationSuite: Sendable {
    /// Decides whether `target` in `sentence` is present, negated or hedged; the contract of the assertion detector.
    public typealias AssertionFunction = @Sendable (_ sentence: String, _ target: Range<String.Index>, _ language: Language) -> Assertion

    /// The corpus directory.
    public let directory: URL
    /// The engine under test.
    public let engine: ReportEngine
    /// The assertion function scored on the NegEx sentences; `nil` skips that part.
    public let assertion: AssertionFunction?

    /// Creates a suite.
    ///
    /// - Parameters:
    ///   - directory: The folder of the public corpora.
    ///   - engine: The engine to score.
    ///   - assertion: The sentence-level assertion function to score, `nil` to skip sentence-level negation.
    public init(directory: URL, engine: ReportEngine = ReportEngine(), assertion: AssertionFunction? = nil) {
        self.directory = directory
        self.engine = engine
        self.assertion = assertion
    }

    /// Runs every part of the evaluation.
    ///
    /// - Throws: ``EvaluationError`` when the directory or a corpus file is missing or malformed; nothing is scored then.
    public func run(_ options: EvaluationOptions = EvaluationOptions()) throws(EvaluationError) -> EvaluationResult {
        let clock = ContinuousClock()
        let start = clock.now
        let corpus = CorpusDirectory(url: directory)
        try corpus.validate()
        let openI = try OpenIReport.load(from: corpus).limited(to: options.limit)
        let gold = try NegBioGold.load(from: corpus, labels: options.negBioLabels.labels)
        let negEx = try AnnotatedSentence.load(.negEx, from: corpus).limited(to: options.limit)
        let context = try AnnotatedSentence.load(.context, from: corpus).limited(to: options.limit)
        let drgExamples = try FunradExample.load(from: corpus).limited(to: options.limit)

        var runner = EngineRunner(engine: engine)
        var segmentation = DictationVariant.allCases.map { SegmentationVariantResult(variant: $0) }
        var classification = ClassificationResult()
        var reportNegation = ReportNegationResult(labels: options.negBioLabels.labels)
        reportNegation.testSplitSize = gold.testSplit.count
        let testSplit = Set(gold.testSplit)
        let assembler = DictationAssembler()
        let segmentationScorer = SegmentationScorer()
        let negationScorer = ReportNegationScorer(map: options.negBioLabels)
        let labelled = ClassificationCorpus(labels: options.classificationLabels)

        // Open-i: the typed dictation serves classification and report-level negation too; only reports with both
        // findings and impression enter the segmentation test.
        for report in openI where !(report.findings.isEmpty && report.impression.isEmpty) {
            let typed = assembler.assemble(report, as: .typedHeaders)
            let structured = runner.structure(typed.text, language: .en)
            classification.add(ClassificationOutcome(labelled.openICase(uid: report.uid, dictation: typed.text), report: structured))
            if testSplit.contains(report.uid), let positives = gold.positives[report.uid] {
                reportNegation.add(uid: report.uid, positives: positives, decisions: negationScorer.decisions(for: structured))
            }
            guard !report.findings.isEmpty, !report.impression.isEmpty else { continue }
            for (index, variant) in DictationVariant.allCases.enumerated() {
                let dictation = variant == .typedHeaders ? typed : assembler.assemble(report, as: variant)
                let produced = variant == .typedHeaders ? structured : runner.structure(dictation.text, language: .en)
                segmentation[index].add(segmentationScorer.score(dictation, report: produced, uid: report.uid, variant: variant))
            }
        }

        let otherCases =
            labelled.negExCases(NegExReport.reports(from: negEx), result: &classification)
            + labelled.drgCases(drgExamples, result: &classification)
        for labelledCase in otherCases {
            let structured = runner.structure(labelledCase.text, language: labelledCase.language)
            classification.add(ClassificationOutcome(labelledCase, report: structured))
        }

        let sentenceNegation = assertion.map { function in
            [(AnnotatedSentence.Format.negEx, negEx), (.context, context)].map { format, sentences in
                Self.scoreSentences(sentences, file: format.file, assertion: function)
            }
        }

        return EvaluationResult(
            corpus: directory.path,
            engineVersion: ReportEngine.version,
            limit: options.limit,
            segmentation: segmentation,
            classification: classification,
            sentenceNegation: sentenceNegation ?? [],
            reportNegation: reportNegation,
            engine: runner.timing,
            duration: clock.now - start
        )
    }

    /// The characters kept on each side of a NegEx target in error listings.
    static let excerptContext = 70

    /// Judges every sentence of one annotation file with `assertion` and times it.
    static func scoreSentences(_ sentences: [AnnotatedSentence], file: CorpusFile, assertion: AssertionFunction) -> SentenceNegationResult {
        let clock = ContinuousClock()
        var result = SentenceNegationResult(file: file.rawValue)
        for sentence in sentences {
            let target = TargetLocator.locate(sentence.concept, in: sentence.sentence)
            let start = clock.now
            let predicted = assertion(sentence.sentence, target.range, .en)
            result.duration += clock.now - start
            result.add(
                SentenceNegationOutcome(
                    id: sentence.id,
                    concept: sentence.concept,
                    excerpt: Formatting.excerpt(around: target.range, in: sentence.sentence, context: Self.excerptContext),
                    gold: sentence.gold,
                    predicted: predicted,
                    match: target.match
                )
            )
        }
        return result
    }
}

extension Array {
    /// The first `limit` elements, or all of them when `limit` is `nil`.
    fileprivate func limited(to limit: Int?) -> [Element] {
        limit.map { Array(prefix(Swift.max(0, $0))) } ?? self
    }
}
