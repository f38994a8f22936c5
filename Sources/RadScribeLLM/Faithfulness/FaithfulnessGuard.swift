import RadScribeCore
import RadScribeReporting

/// Lets an LLM only improve a report: checks each section an LLM proposes against the dictation and rejects the
/// sections that add, drop or change facts.
///
/// The facts are read with the report engine's own components, so wording does not matter, only meaning: the LLM's
/// text is normalised as dictation is ("zwei Komma drei Zentimeter" → "2,3 cm"), then the finding extractor names the
/// lexicon concepts with their assertion, the locations and the measurements, and the mammography and spine agents
/// read BI-RADS, breast density and spinal levels. The dictation's facts come from the ``StructuredReport`` the engine
/// already made (see `FactReader`). Each concept mention gets the side it is stated for (see `MentionSideResolver`);
/// a side inferred from the words around a mention counts as that side or none.
///
/// **Gate checks**, on each section first; a section that fails one is rejected for it and not read further:
/// - ``FaithfulnessViolation/emptySection``: no letter or digit, while the dictation's section of that kind has some
///   (an empty section the dictation lacks too is accepted as empty).
/// - ``FaithfulnessViolation/refusal``: a refusal or disclaimer phrase (see `RefusalPhraseDetector`).
/// - ``FaithfulnessViolation/placeholderLeft``: a pseudonymisation placeholder such as `[PERSON_1]`.
///
/// **Nothing added.** Every fact of an LLM section must be stated in the dictation, in the sections it may draw from:
/// the clinical information draws from the dictated clinical information and untitled or unknown (`other`) sections;
/// every other section draws from all dictated sections except the clinical information (a clinical question is no
/// result, so "Pneumonie?" does not back "Pneumonie"). An impression or recommendation the dictation lacks may thus be
/// written when it only restates dictated facts.
/// - A concept not stated there: ``FaithfulnessViolation/addedFinding(concept:)``. Stated only with another assertion
///   ("kein Pneumothorax" → "Pneumothorax", "V. a. Pneumonie" → "Pneumonie", or a negation the dictation lacks):
///   ``FaithfulnessViolation/assertionChanged(concept:dictated:proposed:)``.
/// - A side the dictated mentions do not back (left ↔ right, bilateral ↔ one side, or a side added where none was
///   dictated; see `SideRules`) of a finding, device or procedure:
///   ``FaithfulnessViolation/lateralityChanged(concept:dictated:proposed:)``.
/// - A location (anatomy concept) the dictation does not name, in place of one the dictation's section of the same
///   kind names and the LLM left out ("Oberlappen" → "Unterlappen"): ``FaithfulnessViolation/locationChanged(dictated:proposed:)``.
///   A location only left out or only added (as context) is accepted.
/// - A measurement whose values differ from every dictated one, lengths compared in millimetres (2,3 cm = 23 mm):
///   ``FaithfulnessViolation/addedMeasurement(unit:)``, or ``FaithfulnessViolation/measurementChanged(dictatedUnit:proposedUnit:)``
///   when it takes the place of a dictated measurement of the same section kind that the LLM dropped.
/// - A BI-RADS category (per side), breast density or spinal level finding (level with disc finding or stenosis)
///   that the dictation does not state: ``FaithfulnessViolation/examDataChanged(_:)``.
///
/// **Nothing dropped.** Every fact the dictation states in a section of the same kind must be in the LLM section,
/// with its assertion and side: ``FaithfulnessViolation/droppedFinding(concept:)``, a lost side as
/// ``FaithfulnessViolation/lateralityChanged(concept:dictated:proposed:)``, ``FaithfulnessViolation/droppedMeasurement(unit:)``
/// (each dictated measurement needs its own) and ``FaithfulnessViolation/examDataChanged(_:)``. A negation may be
/// narrowed to one side. The impression may summarise: it must keep the asserted or suspected findings and devices,
/// anything critical, every measurement and every exam data item of the dictated impression, but may leave out negated
/// minor findings, descriptors, modalities and procedures. When the dictation has no findings section and the LLM
/// writes one, the facts of the dictation's unknown (`other`) sections must be kept somewhere in the LLM's sections.
///
/// **Critical findings.** Each critical concept (lexicon `critical`) that the dictation asserts or suspects outside
/// the clinical information must be asserted or suspected in the LLM's findings or impression; when it is in neither,
/// each of the two the LLM proposed is rejected with ``FaithfulnessViolation/criticalFindingLost(concept:)``.
///
/// Accepted are rewording, reordering, grammar and spelling, expanded abbreviations and synonyms that the lexicon maps
/// to the same concept, German or English. A term the lexicon does not know reads as nothing: a misspelt term of the
/// dictation that the LLM spells right reads as an added finding, and a paraphrase the lexicon lacks as a dropped one,
/// so unknown wording errs towards rejection. Sections absent from the candidate are neither accepted nor rejected.
/// Pure and synchronous; one instance serves any number of concurrent callers.
public struct FaithfulnessGuard: Sendable {
    private let reader: FactReader
    private let refusals = RefusalPhraseDetector()
    private let placeholders = LeftoverPlaceholderDetector()

    /// Creates a guard.
    ///
    /// - Parameter lexicon: The terminology the report engine used for the reports to check; the bundled one by default.
    public init(lexicon: Lexicon = .bundled) {
        reader = FactReader(lexicon: lexicon)
    }

    /// Checks the sections an LLM proposed for a report.
    ///
    /// - Parameters:
    ///   - candidate: The LLM's text per section, with pseudonyms already restored, in the report's language.
    ///   - report: The rule-based report of the same dictation.
    /// - Returns: Each candidate section, accepted (normalised) or rejected with its violations.
    public func review(_ candidate: [SectionKind: String], against report: StructuredReport) -> FaithfulnessReview {
        var review = FaithfulnessReview()
        var passed: [(kind: SectionKind, text: String)] = []
        for kind in SectionKind.allCases {
            guard let raw = candidate[kind] else { continue }
            let text = reader.normalized(raw, language: report.language)
            var violations: [FaithfulnessViolation] = []
            if !Self.hasContent(text), report.sections.contains(where: { $0.kind == kind && Self.hasContent($0.text) }) {
                violations.append(.emptySection)
            }
            if refusals.isRefusal(raw) { violations.append(.refusal) }
            if placeholders.containsPlaceholder(raw) { violations.append(.placeholderLeft) }
            if violations.isEmpty {
                passed.append((kind, text))
            } else {
                review.rejected[kind] = violations
            }
        }
        let written = passed.filter { Self.hasContent($0.text) }
        guard !written.isEmpty else {
            for section in passed { review.accepted[section.kind] = section.text }
            return review
        }

        let dictated = reader.facts(ofDictation: report)
        let proposed = reader.facts(ofProposal: written, language: report.language)
        var violations: [SectionKind: [FaithfulnessViolation]] = [:]
        for section in written {
            violations[section.kind] = SectionFactComparison.violations(
                proposed: proposed[section.kind] ?? SectionFacts(),
                support: Self.support(for: section.kind, in: dictated),
                counterparts: Self.counterparts(of: section.kind, dictated: dictated, proposed: proposed)
            )
        }
        checkCriticalFindings(dictated: dictated, proposed: proposed, violations: &violations)

        for section in passed {
            if let found = violations[section.kind], !found.isEmpty {
                review.rejected[section.kind] = found
            } else {
                review.accepted[section.kind] = section.text
            }
        }
        return review
    }

    // MARK: - Rules

    /// The dictated facts a section of `kind` may draw from.
    private static func support(for kind: SectionKind, in dictated: [SectionKind: SectionFacts]) -> SectionFacts {
        var support = SectionFacts()
        for source in SectionKind.allCases {
            let allowed = kind == .clinicalInformation ? source == .clinicalInformation || source == .other : source != .clinicalInformation
            if allowed, let facts = dictated[source] { support.append(facts) }
        }
        return support
    }

    /// The dictated facts a section of `kind` must keep, with the LLM facts that may keep them.
    private static func counterparts(
        of kind: SectionKind,
        dictated: [SectionKind: SectionFacts],
        proposed: [SectionKind: SectionFacts]
    ) -> [SectionFactComparison.Counterpart] {
        let own = proposed[kind] ?? SectionFacts()
        var counterparts: [SectionFactComparison.Counterpart] = []
        if let facts = dictated[kind] {
            counterparts.append(.init(dictated: facts, coverage: own, summarising: kind == .impression))
        }
        if kind == .findings, dictated[.findings] == nil, proposed[.other] == nil, let unstructured = dictated[.other] {
            var everything = SectionFacts()
            for source in SectionKind.allCases { if let facts = proposed[source] { everything.append(facts) } }
            counterparts.append(.init(dictated: unstructured, coverage: everything, summarising: false))
        }
        return counterparts
    }

    /// Rejects the LLM's findings and impression when a dictated critical finding is in neither.
    private func checkCriticalFindings(
        dictated: [SectionKind: SectionFacts],
        proposed: [SectionKind: SectionFacts],
        violations: inout [SectionKind: [FaithfulnessViolation]]
    ) {
        let holders = [SectionKind.findings, .impression].filter { violations[$0] != nil }
        guard !holders.isEmpty else { return }
        var critical: [String] = []
        for kind in SectionKind.allCases where kind != .clinicalInformation {
            for fact in dictated[kind]?.concepts ?? [] where fact.critical && fact.assertion != .absent && !critical.contains(fact.concept) {
                critical.append(fact.concept)
            }
        }
        for concept in critical {
            let stated = holders.contains { kind in
                proposed[kind]?.concepts.contains { $0.concept == concept && $0.assertion != .absent } == true
            }
            guard !stated else { continue }
            for kind in holders { violations[kind]?.append(.criticalFindingLost(concept: concept)) }
        }
    }

    private static func hasContent(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }
}
