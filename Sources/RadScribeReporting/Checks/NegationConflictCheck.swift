import RadScribeCore

/// Warns when the impression asserts a concept that the findings negate, or the other way round.
///
/// Only `present` against `absent` is a conflict; a hedge ("V. a.") against a negation is a judgement call. Mentions
/// are compared only when their sides are compatible (the same side, bilateral, or one of them unspecified), so
/// "kein Erguss rechts" in the findings does not contradict "Pleuraerguss links" in the impression. Anatomy,
/// modality, procedure and descriptor mentions are skipped (a negated lesion's sentence may negate its organ too), and
/// so are mentions of past history. One warning per concept; the evidence is every mention in a conflicting pair.
struct NegationConflictCheck: ConsistencyCheck {
    private static let ignoredCategories: Set<String> = ["anatomy", "modality", "procedure", "descriptor"]

    func warnings(for input: CheckInput) -> [ReportWarning] {
        let impression = index(of: .impression, input: input)
        let findings = index(of: .findings, input: input)
        var warnings: [ReportWarning] = []
        for concept in impression.concepts {
            guard let impressionMentions = impression.mentions[concept], let findingMentions = findings.mentions[concept] else { continue }
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
            let term = impressionMentions[0].mention.preferredTerm
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

    /// The present or absent mentions of one section that can conflict.
    private func index(of section: SectionKind, input: CheckInput) -> ConceptIndex {
        ConceptIndex(section: section, of: input) { analyzed, mention in
            mention.assertion != .possible && !Self.ignoredCategories.contains(mention.category)
                && !analyzed.isPastHistory(at: analyzed.tokenIndex(at: mention.span))
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
