import RadScribeCore

/// Turns the sections of a normalised report into sentence-level ``Finding``s.
///
/// Every sentence of every section (clinical information included) that names a lexicon concept, a measurement or a
/// body side becomes one finding. Anatomy concepts (and the `site` of the other concepts) become its `locations`;
/// all other concepts become `concepts`, each with its own assertion and cue. A descriptor that names a finding
/// together with the anatomy next to it ("heart size is mildly enlarged") becomes that finding (see `ConceptComposer`).
/// The sentence is `absent` when every finding-category concept in it is negated and `possible` when at least one is
/// hedged and none is asserted; a
/// sentence without finding concepts takes the assertions of its other concepts, then those of its side words and
/// measurements ("Kein Erguss links." is `absent` even when "Erguss" is not in the lexicon). Its laterality comes
/// from the side words that are not negated ("Pleuraerguss links, kein Erguss rechts" is `left`), or from all of
/// them when every one is negated.
///
/// The text is tokenised once; sentences, cues, concepts, sides and measurements all work on those tokens.
public struct FindingExtractor: Sendable {
    private let lexicon: Lexicon
    private let composer: ConceptComposer
    private let splitter = SentenceSplitter()
    private let assertionDetector = AssertionDetector()
    private let lateralityDetector = LateralityDetector()
    private let measurementParser = MeasurementParser()

    /// Creates an extractor that names concepts from `lexicon`.
    public init(lexicon: Lexicon = .bundled) {
        self.lexicon = lexicon
        self.composer = ConceptComposer(lexicon: lexicon)
    }

    /// The findings of all `sections` of `text`, in section and sentence order.
    ///
    /// - Parameters:
    ///   - text: The normalised report text the section spans refer to.
    ///   - sections: The sections of `text`.
    ///   - language: The report language.
    /// - Returns: One finding per sentence that names a concept, a measurement or a side; spans refer to `text`.
    public func findings(in text: String, sections: [ReportSection], language: Language) -> [Finding] {
        let tokenized = TokenizedText(text)
        var findings: [Finding] = []
        for section in sections {
            for sentence in splitter.sentences(in: tokenized, range: tokenized.tokenRange(of: section.span)) {
                if let finding = finding(in: sentence, of: tokenized, section: section.kind, language: language) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    // MARK: - One sentence

    private func finding(in sentence: Range<Int>, of text: TokenizedText, section: SectionKind, language: Language) -> Finding? {
        let matches = lexicon.conceptMatches(in: text, range: sentence, language: language)
        let measurements = measurementParser.measurements(in: text, range: sentence)
        let sides = lateralityDetector.sideMentions(in: text, range: sentence, language: language)
        guard !matches.isEmpty || !measurements.isEmpty || !sides.isEmpty else { return nil }

        let cues = assertionDetector.cues(in: text, sentence: sentence, language: language)
        let changeConcepts = matches.filter { lexicon.concepts[$0.concept].describesChange }.map(\.tokens)
        let compositions = composer.compositions(in: matches, of: text)
        var locations: [String] = []
        var mentions: [ConceptMention] = []
        for (index, match) in matches.enumerated() {
            if lexicon.concepts[match.concept].category == .anatomy {
                let id = lexicon.concepts[match.concept].id
                if !locations.contains(id) { locations.append(id) }
                continue
            }
            // A composed finding takes the descriptor's assertion: "heart size is not enlarged".
            let decision = cues.decision(for: match.tokens, changeConcepts: changeConcepts)
            let composition = compositions[index]
            let mentioned = composition?.concept ?? match.concept
            let tokens = composition?.tokens ?? match.tokens
            mentions.append(
                ConceptMention(
                    concept: lexicon.concepts[mentioned].id,
                    preferredTerm: lexicon.concepts[mentioned].preferredTerm(in: language),
                    category: lexicon.concepts[mentioned].category.rawValue,
                    critical: lexicon.concepts[mentioned].critical,
                    matchedText: text.string(of: tokens),
                    span: text.span(of: tokens),
                    assertion: decision.assertion,
                    cue: decision.cue.map { assertionDetector.cue(of: $0, in: text) }
                )
            )
        }
        for match in matches {
            if let site = lexicon.concepts[match.concept].site, !locations.contains(site) { locations.append(site) }
        }

        let sideAssertions = sides.map { cues.decision(for: $0.token..<($0.token + 1), changeConcepts: changeConcepts).assertion }
        var assertions = mentions.filter { $0.category == ConceptCategory.finding.rawValue }.map(\.assertion)
        if assertions.isEmpty { assertions = mentions.map(\.assertion) }
        if assertions.isEmpty {
            assertions = sideAssertions + measurements.map { cues.decision(for: text.tokenRange(of: $0.span)).assertion }
        }
        return Finding(
            text: text.string(of: sentence),
            span: text.span(of: sentence),
            section: section,
            assertion: Self.sentenceAssertion(of: assertions),
            laterality: Self.laterality(of: sides, assertions: sideAssertions),
            locations: locations,
            concepts: mentions,
            measurements: measurements
        )
    }

    /// The side of the side words that are not negated, or of all of them when every one is.
    static func laterality(of sides: [LateralityDetector.SideMention], assertions: [Assertion]) -> Laterality? {
        let asserted = zip(sides, assertions).filter { $0.1 != .absent }.map(\.0.side)
        return LateralityDetector.combined(asserted.isEmpty ? sides.map(\.side) : asserted)
    }

    /// `absent` when everything is negated, `possible` when something is hedged and nothing asserted, else `present`.
    static func sentenceAssertion(of assertions: [Assertion]) -> Assertion {
        if assertions.isEmpty || assertions.contains(.present) { return .present }
        return assertions.contains(.possible) ? .possible : .absent
    }
}
