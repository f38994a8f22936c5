import RadScribeCore
import RadScribeReporting

/// Collects the ``SectionFacts`` of each section kind from what the report engine's components extracted.
///
/// Used for both sides of the comparison: for the dictation it reads the findings and exam data already in the
/// ``StructuredReport``; for the LLM's text it reads what the guard extracted with the same components.
struct SectionFactCollector: Sendable {
    private let lexicon: Lexicon
    private let sideResolver = MentionSideResolver()

    /// Creates a collector that looks locations up in `lexicon`.
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// The facts per section kind; sections of the same kind are merged in text order.
    ///
    /// - Parameters:
    ///   - sections: The sections, with body spans into the text the findings and exam data refer to.
    ///   - findings: The findings of those sections, in text order.
    ///   - examData: The exam agents' data for the same text.
    ///   - language: The report language.
    func facts(sections: [ReportSection], findings: [Finding], examData: ExamData, language: Language) -> [SectionKind: SectionFacts] {
        var result: [SectionKind: SectionFacts] = [:]
        for section in sections {
            let own = findings.filter { section.span.contains($0.span) }
            var facts = SectionFacts()
            for (finding, sides) in zip(own, sideResolver.sides(of: own, language: language)) {
                for (mention, side) in zip(finding.concepts, sides) {
                    facts.concepts.append(
                        ConceptFact(
                            concept: mention.concept,
                            category: ConceptCategory(rawValue: mention.category),
                            critical: mention.critical,
                            assertion: mention.assertion,
                            side: side
                        )
                    )
                }
                for location in finding.locations where !facts.locations.contains(where: { $0.anatomy == location }) {
                    facts.locations.append(LocationFact(anatomy: location, site: lexicon.concept(location)?.site))
                }
                facts.measurements.append(contentsOf: finding.measurements.map(MeasurementFact.init))
            }
            result[section.kind, default: SectionFacts()].append(facts)
        }
        for (item, span) in ExamItemFact.items(of: examData) {
            guard let kind = sections.first(where: { $0.span.contains(span) })?.kind else { continue }
            result[kind, default: SectionFacts()].examItems.append(item)
        }
        return result
    }
}
