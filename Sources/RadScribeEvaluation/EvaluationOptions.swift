/// What an evaluation run covers and which label mappings it uses.
public struct EvaluationOptions: Sendable, Hashable {
    /// At most this many records from each corpus file (Open-i reports, rows of each NegEx file, DRG examples), `nil` for all.
    ///
    /// The NegEx reports for classification are rebuilt from the limited rows, and report-level negation scores the
    /// test-split reports among the limited Open-i reports.
    public var limit: Int?
    /// Corpus metadata → gold exam type.
    public var classificationLabels: ClassificationLabels
    /// NegBio label → lexicon concept ids.
    public var negBioLabels: NegBioLabelMap

    /// Creates options.
    public init(limit: Int? = nil, classificationLabels: ClassificationLabels = .standard, negBioLabels: NegBioLabelMap = .standard) {
        self.limit = limit
        self.classificationLabels = classificationLabels
        self.negBioLabels = negBioLabels
    }
}
