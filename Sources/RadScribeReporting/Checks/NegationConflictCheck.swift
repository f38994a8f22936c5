import RadScribeCore

/// Warns when the impression asserts a concept that the findings negate, or the other way round.
///
/// Only `present` against `absent` is a conflict; a hedge ("V. a.") against a negation is a judgement call. Mentions
/// are compared only when their sides are compatible (the same side, bilateral, or one of them unspecified), so
/// "kein Erguss rechts" in the findings does not contradict "Pleuraerguss links" in the impression. Anatomy,
/// modality, procedure and descriptor mentions are skipped (a negated lesion's sentence may negate its organ too), and
/// so are mentions of past history. One warning per concept; the evidence is every mention in a conflicting pair.
struct NegationConflictCheck: ConsistencyCheck {
    private static let ignoredCategories = ["anatomy", "modality", "procedure", "descriptor"]

    func warnings(for input: CheckInput) -> [ReportWarning] {
        let impression = index(of: .impression, input: input) { _ in true }
        let findings = index(of: .findings, input: input) { impression.mentions[$0] != nil }
        var warnings: [ReportWarning] = []
        for concept in impression.concepts {
            guard let indexedImpression = impression.mentions[concept], let indexedFindings = findings.mentions[concept] else { continue }
            let impressionMentions = indexedImpression.filter { !$0.isPastHistory }
            let findingMentions = indexedFindings.filter { !$0.isPastHistory }
            var evidence: Set<TextSpan> = []
            var impressionAsserts: Bool?
            for stated in impressionMentions {
                for other in findingMentions where Self.opposes(stated.mention.assertion, other.mention.assertion) {
                    guard Self.areCompatible(stated.side, other.side) else { continue }
                    evidence.formUnion([stated.mention.span, other.mention.span])
                    if impressionAsserts == nil { impressionAsserts = stated.mention.assertion == .present }
                }
            }
            guard let impressionAsserts else { continue }
            let term = indexedImpression[0].mention.preferredTerm
            warnings.append(
                ReportWarning(
                    code: .negationConflict,
                    severity: .warning,
                    message: message(term: term, impressionAsserts: impressionAsserts, input: input),
                    evidence: evidence.sorted()
                )
            )
        }
        return warnings
    }

    /// The present or absent mentions of one section that can conflict, limited to the concepts `isWanted` accepts.
    private func index(of section: SectionKind, input: CheckInput, isWanted: (String) -> Bool) -> SectionConceptIndex {
        SectionConceptIndex(section: section, of: input) { _, mention in
            mention.assertion != .possible && isWanted(mention.concept) && !Self.ignoredCategories.contains(mention.category)
        }
    }

    /// Whether one of the two asserts and the other negates.
    private static func opposes(_ lhs: Assertion, _ rhs: Assertion) -> Bool {
        (lhs == .present && rhs == .absent) || (lhs == .absent && rhs == .present)
    }

    /// Whether two sentence sides can speak of the same thing.
    private static func areCompatible(_ lhs: Laterality?, _ rhs: Laterality?) -> Bool {
        guard let lhs, let rhs else { return true }
        return lhs == rhs || lhs == .bilateral || rhs == .bilateral
    }

    private func message(term: String, impressionAsserts: Bool, input: CheckInput) -> String {
        if impressionAsserts {
            return input.localized(
                de: "Widerspruch: \(term) ist in der Beurteilung angegeben, im Befund aber verneint.",
                en: "Contradiction: \(term) is asserted in the impression but negated in the findings."
            )
        }
        return input.localized(
            de: "Widerspruch: \(term) ist im Befund angegeben, in der Beurteilung aber verneint.",
            en: "Contradiction: \(term) is asserted in the findings but negated in the impression."
        )
    }
}
