/// Everything one evaluation run measured.
public struct EvaluationResult: Sendable, Hashable {
    /// The corpus directory.
    public let corpus: String
    /// The engine version.
    public let engineVersion: String
    /// The record limit the run used.
    public let limit: Int?
    /// Section segmentation, one entry per ``DictationVariant``.
    public let segmentation: [SegmentationVariantResult]
    /// Exam type classification.
    public let classification: ClassificationResult
    /// Sentence-level negation per annotation file; empty when the run had no assertion function.
    public let sentenceNegation: [SentenceNegationResult]
    /// Report-level negation against NegBio.
    public let reportNegation: ReportNegationResult
    /// Time in the report engine.
    public let engine: EngineTiming
    /// Wall-clock time of the whole run, loading included.
    public let duration: Duration
}
