import RadScribeCore

/// Compares the facts of one LLM section with the dictation's and lists what was added, dropped or changed.
///
/// Two directions, each with its own reference:
/// - **Additions** against the `support`: every fact of the LLM section must be stated somewhere the section may draw
///   from (see ``FaithfulnessGuard``), with the same assertion and, where sides matter (``ConceptFact/isSided``), a
///   backed side (``SideRules``).
/// - **Drops** against each `counterpart`: every fact the dictation states there must be in the `coverage` facts.
///   A summarising section (the impression) need keep only its major concepts (``ConceptFact/isMajor``), its
///   measurements and its exam items, not its negated minor findings.
///
/// A measurement the dictation has and the LLM lacks, paired in order with one the LLM has and the dictation lacks,
/// is one change rather than a drop and an addition. Locations count only as such pairs: a location may be left out
/// (a summary, or anatomy absorbed into a finding: "heart size is enlarged" → "cardiomegaly") or added as context, but
/// not put in the place of a dictated one (``LocationFact/isAlternative(to:)``). Each violation is listed once.
struct SectionFactComparison {
    /// Dictated facts that an LLM section must keep, and the LLM facts that count as keeping them.
    struct Counterpart {
        /// The dictated facts.
        var dictated: SectionFacts
        /// The LLM facts that may keep them.
        var coverage: SectionFacts
        /// Whether only major concepts, measurements and exam items must be kept.
        var summarising: Bool
    }

    private var violations: [FaithfulnessViolation] = []
    private var unbackedMeasurements: [MeasurementFact] = []
    private var droppedMeasurements: [MeasurementFact] = []
    private var unbackedLocations: [LocationFact] = []
    private var droppedLocations: [LocationFact] = []

    /// The violations of an LLM section.
    ///
    /// - Parameters:
    ///   - proposed: The facts of the LLM section.
    ///   - support: The dictated facts it may draw from.
    ///   - counterparts: The dictated facts it must keep.
    static func violations(proposed: SectionFacts, support: SectionFacts, counterparts: [Counterpart]) -> [FaithfulnessViolation] {
        var comparison = SectionFactComparison()
        comparison.checkAdditions(proposed, against: support)
        for counterpart in counterparts { comparison.checkDrops(counterpart) }
        comparison.reportReplacements()
        return comparison.violations
    }

    // MARK: - Additions

    private mutating func checkAdditions(_ proposed: SectionFacts, against support: SectionFacts) {
        for fact in proposed.concepts {
            let dictated = support.concepts.filter { $0.concept == fact.concept }
            guard let first = dictated.first else {
                report(.addedFinding(concept: fact.concept))
                continue
            }
            let sides = dictated.filter { $0.assertion == fact.assertion }.map(\.side)
            if sides.isEmpty {
                report(.assertionChanged(concept: fact.concept, dictated: first.assertion, proposed: fact.assertion))
            } else if fact.isSided, !SideRules.isBacked(fact.side, assertion: fact.assertion, by: sides) {
                report(.lateralityChanged(concept: fact.concept, dictated: SideRules.combined(sides.map(\.side)), proposed: fact.side.side))
            }
        }
        unbackedLocations = proposed.locations.filter { !support.locations.contains($0) }
        for measurement in proposed.measurements where !support.measurements.contains(where: { $0.sameValue(as: measurement) }) {
            unbackedMeasurements.append(measurement)
        }
        for item in proposed.examItems where !support.examItems.contains(where: { $0.matches(item) }) {
            report(.examDataChanged(item.item))
        }
    }

    // MARK: - Drops

    private mutating func checkDrops(_ counterpart: Counterpart) {
        let coverage = counterpart.coverage
        for fact in counterpart.dictated.concepts where !counterpart.summarising || fact.isMajor {
            let sides = coverage.concepts.filter { $0.concept == fact.concept && $0.assertion == fact.assertion }.map(\.side)
            if sides.isEmpty {
                if !violations.contains(where: { $0.isAssertionChange(of: fact.concept) }) { report(.droppedFinding(concept: fact.concept)) }
            } else if fact.isSided, !SideRules.keeps(fact.side, assertion: fact.assertion, in: sides),
                !violations.contains(where: { $0.isLateralityChange(of: fact.concept) })
            {
                report(.lateralityChanged(concept: fact.concept, dictated: fact.side.side, proposed: SideRules.combined(sides.map(\.side))))
            }
        }
        for location in counterpart.dictated.locations where !coverage.locations.contains(location) && !droppedLocations.contains(location) {
            droppedLocations.append(location)
        }
        var unused = coverage.measurements
        for measurement in counterpart.dictated.measurements {
            if let index = unused.firstIndex(where: { $0.sameValue(as: measurement) }) {
                unused.remove(at: index)
            } else {
                droppedMeasurements.append(measurement)
            }
        }
        for item in counterpart.dictated.examItems where !coverage.examItems.contains(where: { $0.matches(item) }) {
            report(.examDataChanged(item.item))
        }
    }

    // MARK: - Reporting

    private mutating func reportReplacements() {
        var replacements = unbackedLocations
        for dropped in droppedLocations {
            guard let index = replacements.firstIndex(where: { $0.isAlternative(to: dropped) }) else { continue }
            report(.locationChanged(dictated: dropped.anatomy, proposed: replacements.remove(at: index).anatomy))
        }
        let paired = min(droppedMeasurements.count, unbackedMeasurements.count)
        for index in 0..<paired {
            report(.measurementChanged(dictatedUnit: droppedMeasurements[index].unit, proposedUnit: unbackedMeasurements[index].unit))
        }
        for measurement in droppedMeasurements.dropFirst(paired) { report(.droppedMeasurement(unit: measurement.unit)) }
        for measurement in unbackedMeasurements.dropFirst(paired) { report(.addedMeasurement(unit: measurement.unit)) }
    }

    private mutating func report(_ violation: FaithfulnessViolation) {
        if !violations.contains(violation) { violations.append(violation) }
    }
}

extension FaithfulnessViolation {
    fileprivate func isAssertionChange(of concept: String) -> Bool {
        if case .assertionChanged(concept, _, _) = self { return true }
        return false
    }

    fileprivate func isLateralityChange(of concept: String) -> Bool {
        if case .lateralityChanged(concept, _, _) = self { return true }
        return false
    }
}
