import RadScribeCore

/// A concept mention and the analysed finding it stands in.
struct IndexedMention {
    /// The mention.
    let mention: ConceptMention
    /// The finding whose sentence contains it.
    let analyzed: CheckedFinding

    /// Its side (see ``CheckedFinding/side(of:)``); tokenises the sentence on first use.
    var side: Laterality? { analyzed.side(of: mention) }

    /// Whether it is past history ("Z. n. Pneumothorax"); tokenises the sentence on first use.
    var isPastHistory: Bool { analyzed.isPastHistory(at: analyzed.tokenIndex(at: mention.span)) }
}

/// The concept mentions of one section, grouped by concept id in order of first mention.
///
/// Building the index reads only the extractor's fields; sides and history are worked out later, for the few
/// concepts a check compares.
struct SectionConceptIndex {
    /// The concept ids in order of their first mention.
    private(set) var concepts: [String] = []
    /// The mentions of each concept, in text order.
    private(set) var mentions: [String: [IndexedMention]] = [:]

    /// Indexes the mentions of the findings in `section` that `include` accepts.
    init(section: SectionKind, of input: CheckInput, including include: (CheckedFinding, ConceptMention) -> Bool) {
        for analyzed in input.findings(in: [section]) {
            for mention in analyzed.finding.concepts where include(analyzed, mention) {
                if mentions[mention.concept] == nil { concepts.append(mention.concept) }
                mentions[mention.concept, default: []].append(IndexedMention(mention: mention, analyzed: analyzed))
            }
        }
    }
}
