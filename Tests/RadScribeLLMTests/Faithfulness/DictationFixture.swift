import RadScribeCore
import RadScribeLLM
import RadScribeReporting
import Testing

/// A dictation structured by the real report engine, and the faithfulness guard's reviews of LLM sections for it.
struct DictationFixture {
    private static let engine = ReportEngine()
    private static let faithfulness = FaithfulnessGuard()

    let report: StructuredReport

    init(_ dictation: String, _ language: Language) throws {
        report = try Self.engine.structure(dictation, language: .fixed(language))
    }

    /// The guard's review of `candidate`.
    func review(_ candidate: [SectionKind: String]) -> FaithfulnessReview {
        Self.faithfulness.review(candidate, against: report)
    }

    /// The violations of one proposed section; empty when it was accepted.
    func violations(of kind: SectionKind, _ text: String) -> [FaithfulnessViolation] {
        review([kind: text]).rejected[kind] ?? []
    }

    /// Expects every section of `candidate` to be accepted, and returns the accepted texts.
    @discardableResult
    func expectAccepted(_ candidate: [SectionKind: String], sourceLocation: SourceLocation = #_sourceLocation) -> [SectionKind: String] {
        let review = review(candidate)
        let reasons = review.rejected.mapValues { $0.map(\.description) }
        #expect(review.rejected.isEmpty, "rejected: \(reasons)", sourceLocation: sourceLocation)
        #expect(Set(review.accepted.keys) == Set(candidate.keys), sourceLocation: sourceLocation)
        return review.accepted
    }

    /// Expects `kind` with `text` to be rejected for `violation` (among others).
    func expectRejected(
        _ kind: SectionKind,
        _ text: String,
        for violation: FaithfulnessViolation,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let review = review([kind: text])
        let found = review.rejected[kind] ?? []
        #expect(found.contains(violation), "expected \(violation), got \(found.map(\.description))", sourceLocation: sourceLocation)
        #expect(review.accepted[kind] == nil, sourceLocation: sourceLocation)
    }
}
