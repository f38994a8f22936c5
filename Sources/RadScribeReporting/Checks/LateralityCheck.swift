import RadScribeCore

/// Warns when left and right disagree, by three rules.
///
/// 1. **Clinical question against findings.** The question names one side (``CheckInput/clinicalQuestionLaterality``,
///    else the sides of the clinical-information findings, when they name exactly one side other than as past history
///    such as "Z. n. Mastektomie links"), the findings and impression
///    report positive pathology (a `finding` concept, present or possible) only on the other side, and never address the
///    asked side at all. A sentence that addresses the asked side, even to negate it ("links kein Konkrement"), means
///    the radiologist looked there, so it silences the rule.
/// 2. **Findings against impression.** A pathology concept is positive only on one side in the findings and only on
///    the other side in the impression, and neither section mentions it bilaterally.
/// 3. **Within one clause.** A positive sentence whose only location is one paired organ (kidney, adrenal gland,
///    ovary, testis, …) names left and right in the same clause ("linke Niere mit rechtsseitiger Zyste"), with no
///    bilateral word. Commas, numbers and conjunctions end a clause ("Niere links 11 cm, rechts 12 cm"), and words of
///    direction, extent or comparison make two sides legitimate ("Niere nach rechts verlagert", "rechts mehr als
///    links"). Organs whose sides name parts of one structure or of a shared location (lung lobes, liver lobes, heart
///    chambers, mediastinum) are left out: in "left basilar consolidation with right basilar opacities" the two sides
///    describe two lesions, and text alone cannot tell that from a contradiction.
struct LateralityCheck: ConsistencyCheck {
    private static let reportedSections: [SectionKind] = [.findings, .impression, .other]
    /// Paired organs whose side belongs to the organ as a whole, so that one clause cannot give it two sides.
    private static let pairedOrgans: Set<String> = [
        "kidney", "adrenal_gland", "ovary", "testis", "breast", "ureter", "seminal_vesicle", "fallopian_tube", "epididymis",
        "parotid_gland", "submandibular_gland", "orbit", "eye",
    ]

    func warnings(for input: CheckInput) -> [ReportWarning] {
        var warnings: [ReportWarning] = []
        if let warning = questionMismatch(input) { warnings.append(warning) }
        warnings += crossSectionMismatches(input)
        warnings += clauseConflicts(input)
        return warnings
    }

    // MARK: - Clinical question against findings

    private func questionMismatch(_ input: CheckInput) -> ReportWarning? {
        let questionFindings = input.findings(in: [.clinicalInformation]).filter {
            $0.finding.laterality != nil && !$0.namesSidesOnlyInPastHistory
        }
        guard let asked = input.clinicalQuestionLaterality ?? Self.singleSide(of: questionFindings), asked != .bilateral else {
            return nil
        }
        let opposite: Laterality = asked == .left ? .right : .left
        let reported = input.findings(in: Self.reportedSections)
        let addressesAskedSide = reported.contains { $0.finding.laterality == asked || $0.finding.laterality == .bilateral }
        let oppositePositives = reported.filter { $0.finding.laterality == opposite && Self.isPositivePathology($0) }
        guard !addressesAskedSide, !oppositePositives.isEmpty else { return nil }
        let questionEvidence = input.clinicalQuestionLaterality == nil ? questionFindings.flatMap { Self.sideEvidence($0, asked) } : []
        let evidence = questionEvidence + oppositePositives.flatMap { Self.sideEvidence($0, opposite) }
        let askedName = Self.name(of: asked, input: input)
        let oppositeName = Self.name(of: opposite, input: input)
        return ReportWarning(
            code: .lateralityMismatch,
            severity: .warning,
            message: input.localized(
                de: "Seitenwiderspruch: Fragestellung \(askedName), pathologische Befunde nur \(oppositeName).",
                en: "Laterality mismatch: the clinical question names the \(askedName) side, but positive findings are only on the \(oppositeName)."
            ),
            evidence: evidence.sorted()
        )
    }

    /// The one side the clinical-information findings name, or `nil` when they name none, both, or bilateral.
    private static func singleSide(of findings: [CheckedFinding]) -> Laterality? {
        let sides = Set(findings.compactMap(\.finding.laterality))
        guard sides.count == 1, let side = sides.first, side != .bilateral else { return nil }
        return side
    }

    private static func isPositivePathology(_ analyzed: CheckedFinding) -> Bool {
        analyzed.finding.assertion != .absent && analyzed.finding.concepts.contains { $0.category == "finding" && $0.assertion != .absent }
    }

    // MARK: - Findings against impression

    private func crossSectionMismatches(_ input: CheckInput) -> [ReportWarning] {
        let impression = Self.positivePathology(in: .impression, input: input) { _ in true }
        let findings = Self.positivePathology(in: .findings, input: input) { impression.mentions[$0] != nil }
        var warnings: [ReportWarning] = []
        for concept in findings.concepts {
            guard let inFindings = findings.mentions[concept], let inImpression = impression.mentions[concept],
                let findingsSide = Self.onlySide(of: inFindings), let impressionSide = Self.onlySide(of: inImpression),
                findingsSide != impressionSide
            else { continue }
            let term = inFindings[0].mention.preferredTerm
            let findingsName = Self.name(of: findingsSide, input: input)
            let impressionName = Self.name(of: impressionSide, input: input)
            warnings.append(
                ReportWarning(
                    code: .lateralityMismatch,
                    severity: .warning,
                    message: input.localized(
                        de: "Seitenwiderspruch: \(term) steht im Befund \(findingsName), in der Beurteilung \(impressionName).",
                        en: "Laterality mismatch: \(term) is \(findingsName) in the findings but \(impressionName) in the impression."
                    ),
                    evidence: (inFindings + inImpression).map(\.mention.span).sorted()
                )
            )
        }
        return warnings
    }

    /// The positive pathology mentions of one section, limited to the concepts `isWanted` accepts.
    private static func positivePathology(in section: SectionKind, input: CheckInput, isWanted: (String) -> Bool) -> SectionConceptIndex {
        SectionConceptIndex(section: section, of: input) { analyzed, mention in
            analyzed.finding.assertion != .absent && mention.category == "finding" && mention.assertion != .absent && isWanted(mention.concept)
        }
    }

    /// The one side (left or right) all sided mentions share; `nil` when none has a side, sides differ, or one is bilateral.
    private static func onlySide(of mentions: [IndexedMention]) -> Laterality? {
        var shared: Laterality?
        for mention in mentions {
            guard let side = mention.side else { continue }
            if side == .bilateral || (shared != nil && shared != side) { return nil }
            shared = side
        }
        return shared
    }

    // MARK: - Within one clause

    private func clauseConflicts(_ input: CheckInput) -> [ReportWarning] {
        var warnings: [ReportWarning] = []
        for analyzed in input.findings(in: Self.reportedSections) {
            let locations = analyzed.finding.locations
            guard analyzed.finding.assertion != .absent, let organ = locations.first, Self.pairedOrgans.contains(organ),
                locations.allSatisfy({ $0 == organ }), analyzed.mayNameLeftAndRight,
                !analyzed.namesBothSides, !analyzed.contains(.twoSidedContext),
                let sides = Self.conflictingSides(in: analyzed)
            else { continue }
            warnings.append(
                ReportWarning(
                    code: .lateralityMismatch,
                    severity: .warning,
                    message: input.localized(
                        de: "Seitenwiderspruch in einem Befund: links und rechts für dieselbe Struktur.",
                        en: "Laterality mismatch within one finding: left and right for the same structure."
                    ),
                    evidence: sides
                )
            )
        }
        return warnings
    }

    /// The spans of the first left and right word that share a clause, or `nil` when no clause names both sides.
    private static func conflictingSides(in analyzed: CheckedFinding) -> [TextSpan]? {
        for clause in analyzed.clauses {
            var left: TextSpan?
            var right: TextSpan?
            for token in analyzed.tokens[clause] {
                switch token.side {
                case .left: left = left ?? token.span
                case .right: right = right ?? token.span
                case .bilateral: return nil
                case nil: continue
                }
            }
            if let left, let right { return [left, right].sorted() }
        }
        return nil
    }

    // MARK: - Words

    /// The spans of the words naming `side` in the sentence, or the whole sentence when its side was inferred.
    private static func sideEvidence(_ analyzed: CheckedFinding, _ side: Laterality) -> [TextSpan] {
        let spans = analyzed.spans(naming: side)
        return spans.isEmpty ? [analyzed.finding.span] : spans
    }

    private static func name(of side: Laterality, input: CheckInput) -> String {
        switch (side, input.language) {
        case (.left, .de): "links"
        case (.right, .de): "rechts"
        case (.bilateral, .de): "beidseits"
        case (.left, .en): "left"
        case (.right, .en): "right"
        case (.bilateral, .en): "bilateral"
        }
    }
}
