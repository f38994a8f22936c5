import RadScribeCore

/// The outcome of checking an LLM's sections against the dictation: what may be used, and why the rest may not.
///
/// Every section of the candidate lands in exactly one of the two dictionaries.
public struct FaithfulnessReview: Sendable, Hashable {
    /// The sections that passed, as the guard checked them: the LLM's text after the report engine's normalisation,
    /// trimmed (so spoken numbers are written as digits, exactly as the facts were read).
    public var accepted: [SectionKind: String]
    /// The sections that failed, with every reason found, in a fixed order (gate checks, then facts, then critical findings).
    public var rejected: [SectionKind: [FaithfulnessViolation]]

    /// Creates a review.
    public init(accepted: [SectionKind: String] = [:], rejected: [SectionKind: [FaithfulnessViolation]] = [:]) {
        self.accepted = accepted
        self.rejected = rejected
    }

    /// Whether every reviewed section was accepted.
    public var isFullyAccepted: Bool { rejected.isEmpty }
}
