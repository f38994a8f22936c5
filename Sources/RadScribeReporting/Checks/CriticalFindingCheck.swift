import RadScribeCore

/// Raises one critical warning per critical concept that is asserted or suspected.
///
/// A mention counts when the lexicon marks its concept critical, its assertion is `present` or `possible`, it stands
/// in the findings, the impression or an untitled/other section (not in the clinical question, technique or
/// recommendation, where "Ausschluss Lungenembolie?" is asked, not found) and it is not past history ("Z. n.
/// Lungenembolie"). All mentions of a concept are merged into one warning; the message says "Verdacht auf"/"suspected"
/// when no mention asserts it outright.
struct CriticalFindingCheck: ConsistencyCheck {
    private static let reportedSections: [SectionKind] = [.findings, .impression, .other]

    func warnings(for input: CheckInput) -> [ReportWarning] {
        var mentionsByConcept: [String: [ConceptMention]] = [:]
        var conceptOrder: [String] = []
        for analyzed in input.findings(in: Self.reportedSections) {
            for mention in analyzed.finding.concepts where mention.critical && mention.assertion != .absent {
                guard !analyzed.isPastHistory(at: analyzed.tokenIndex(at: mention.span)) else { continue }
                if mentionsByConcept[mention.concept] == nil { conceptOrder.append(mention.concept) }
                mentionsByConcept[mention.concept, default: []].append(mention)
            }
        }
        return conceptOrder.map { concept in
            let mentions = mentionsByConcept[concept]!
            let isSuspected = mentions.allSatisfy { $0.assertion == .possible }
            return ReportWarning(
                code: .criticalFinding,
                severity: .critical,
                message: message(term: mentions[0].preferredTerm, isSuspected: isSuspected, input: input),
                evidence: mentions.map(\.span).sorted()
            )
        }
    }

    private func message(term: String, isSuspected: Bool, input: CheckInput) -> String {
        let german = isSuspected ? "Verdacht auf \(term)" : term
        let english = isSuspected ? "suspected \(term)" : term
        return input.localized(
            de: "Kritischer Befund: \(german) – direkte Mitteilung an den Zuweiser erforderlich.",
            en: "Critical finding: \(english) – direct communication to the referring physician required."
        )
    }
}
