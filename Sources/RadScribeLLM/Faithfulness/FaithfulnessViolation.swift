import RadScribeCore

/// Why the faithfulness guard rejected one LLM section.
///
/// Payloads hold lexicon concept ids, unit symbols and enum values only, never dictated or generated text, so a
/// violation, its ``code`` and its ``description`` are safe to log. "Finding" means any lexicon concept that is not
/// anatomy (findings, devices, procedures, modalities, descriptors); anatomy appears as a location.
public enum FaithfulnessViolation: Sendable, Hashable, CustomStringConvertible {
    /// The exam data items the guard compares.
    public enum ExamItem: String, Sendable, Hashable, CaseIterable {
        /// A BI-RADS category, with its side.
        case biRads = "bi_rads"
        /// The ACR breast density.
        case breastDensity = "breast_density"
        /// A spinal level with the disc finding or stenosis dictated at it.
        case spinalLevel = "spinal_level"
    }

    /// The section is blank while the dictation's section of the same kind is not.
    case emptySection
    /// The section is a refusal or a disclaimer ("I'm sorry, I can't…", "Als KI…", "I cannot provide medical advice").
    case refusal
    /// The section still holds a pseudonymisation placeholder such as `[PERSON_1]`.
    case placeholderLeft
    /// The section names a concept the dictation does not state anywhere it may draw from.
    case addedFinding(concept: String)
    /// The section leaves out a concept that the dictation's section of the same kind states.
    case droppedFinding(concept: String)
    /// The section states a concept as present, absent or possible where the dictation states it otherwise.
    case assertionChanged(concept: String, dictated: Assertion, proposed: Assertion)
    /// The section gives a concept another side than the dictation, or adds or drops its side.
    case lateralityChanged(concept: String, dictated: Laterality?, proposed: Laterality?)
    /// The section names an anatomical location the dictation does not, in place of one the dictation's section of
    /// the same kind names ("Oberlappen" → "Unterlappen").
    case locationChanged(dictated: String, proposed: String)
    /// The section holds a measurement the dictation does not.
    case addedMeasurement(unit: String)
    /// The section leaves out a measurement that the dictation's section of the same kind holds.
    case droppedMeasurement(unit: String)
    /// The section replaces a measurement of the dictation's section by another value or unit.
    case measurementChanged(dictatedUnit: String, proposedUnit: String)
    /// A BI-RADS category, the breast density or a spinal level differs from the dictation, or is added or dropped.
    case examDataChanged(ExamItem)
    /// A critical finding the dictation asserts or suspects appears in none of the LLM's findings and impression.
    case criticalFindingLost(concept: String)

    /// A stable snake_case name of the violation kind, for metrics and warnings.
    public var code: String {
        switch self {
        case .emptySection: "empty_section"
        case .refusal: "refusal"
        case .placeholderLeft: "placeholder_left"
        case .addedFinding: "added_finding"
        case .droppedFinding: "dropped_finding"
        case .assertionChanged(_, let dictated, let proposed):
            dictated == .absent ? "negation_lost" : proposed == .absent ? "negation_added" : "certainty_changed"
        case .lateralityChanged: "laterality_changed"
        case .locationChanged: "location_changed"
        case .addedMeasurement: "added_measurement"
        case .droppedMeasurement: "dropped_measurement"
        case .measurementChanged: "measurement_changed"
        case .examDataChanged: "exam_data_changed"
        case .criticalFindingLost: "critical_finding_lost"
        }
    }

    /// The code with concept ids, units and enum values; never any report text.
    public var description: String {
        switch self {
        case .emptySection, .refusal, .placeholderLeft:
            code
        case .addedFinding(let concept), .droppedFinding(let concept), .criticalFindingLost(let concept):
            "\(code) concept=\(concept)"
        case .assertionChanged(let concept, let dictated, let proposed):
            "\(code) concept=\(concept) dictated=\(dictated.rawValue) proposed=\(proposed.rawValue)"
        case .lateralityChanged(let concept, let dictated, let proposed):
            "\(code) concept=\(concept) dictated=\(dictated?.rawValue ?? "none") proposed=\(proposed?.rawValue ?? "none")"
        case .locationChanged(let dictated, let proposed):
            "\(code) dictated=\(dictated) proposed=\(proposed)"
        case .addedMeasurement(let unit), .droppedMeasurement(let unit):
            "\(code) unit=\(unit)"
        case .measurementChanged(let dictatedUnit, let proposedUnit):
            "\(code) dictated_unit=\(dictatedUnit) proposed_unit=\(proposedUnit)"
        case .examDataChanged(let item):
            "\(code) item=\(item.rawValue)"
        }
    }
}
