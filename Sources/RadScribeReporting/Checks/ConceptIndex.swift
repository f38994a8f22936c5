import RadScribeCore

/// A concept mention together with its side (see ``AnalyzedFinding/side(of:)``).
struct SidedMention {
    /// The mention.
    let mention: ConceptMention
    /// Its side, if any.
    let side: Laterality?
}

/// The concept mentions of one section, grouped by concept id in order of first mention.
struct ConceptIndex {
    /// The concept ids in order of their first mention.
    private(set) var concepts: [String] = []
    /// The mentions of each concept, in text order.
    private(set) var mentions: [String: [SidedMention]] = [:]

    /// Indexes the mentions of the findings in `section` that `include` accepts.
    init(section: SectionKind, of input: CheckInput, including include: (AnalyzedFinding, ConceptMention) -> Bool) {
        for analyzed in input.findings(in: [section]) {
            for mention in analyzed.finding.concepts where include(analyzed, mention) {
                if mentions[mention.concept] == nil { concepts.append(mention.concept) }
                mentions[mention.concept, default: []].append(SidedMention(mention: mention, side: analyzed.side(of: mention)))
            }
        }
    }
}
