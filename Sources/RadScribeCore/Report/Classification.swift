/// One exam type's score and the terms that earned it.
public struct ExamTypeScore: Sendable, Codable, Hashable {
    /// The exam type.
    public var examType: ExamType
    /// Its share of the evidence, 0…1; the scores of a classification add up to 1.
    public var score: Double
    /// The terms of the text that counted for this type, so a radiologist can see why.
    public var evidence: [String]

    /// Creates a score.
    public init(examType: ExamType, score: Double, evidence: [String]) {
        self.examType = examType
        self.score = score
        self.evidence = evidence
    }
}

/// How the specialised agents were chosen.
public enum AgentSelection: String, Sendable, Codable, Hashable {
    /// Confidence was at least the threshold: one agent ran.
    case single
    /// Confidence was below the threshold: the top three agents ran and their results were merged.
    case ensemble
}

/// The exam type of a dictation, with confidence, a ranked score list and the agents that ran.
public struct Classification: Sendable, Codable, Hashable {
    /// The winning type.
    public var examType: ExamType
    /// The winner's score, 0…1.
    public var confidence: Double
    /// All types ranked by score, best first.
    public var scores: [ExamTypeScore]
    /// Single agent or ensemble.
    public var selection: AgentSelection
    /// The agents that ran, in rank order.
    public var agents: [ExamType]

    /// Creates a classification.
    public init(examType: ExamType, confidence: Double, scores: [ExamTypeScore], selection: AgentSelection, agents: [ExamType]) {
        self.examType = examType
        self.confidence = confidence
        self.scores = scores
        self.selection = selection
        self.agents = agents
    }
}
