import RadScribeCore
import RadScribeReporting

/// What one section kind of a report states, as the faithfulness guard compares it.
struct SectionFacts: Sendable {
    /// Concept mentions (not anatomy), each with its own assertion and side, in text order.
    var concepts: [ConceptFact] = []
    /// The locations named, each once, in text order.
    var locations: [LocationFact] = []
    /// Measurements, in text order, repeats kept.
    var measurements: [MeasurementFact] = []
    /// BI-RADS, density and spinal level items, in the order the agents report them.
    var examItems: [ExamItemFact] = []

    /// Adds the facts of `other` after these.
    mutating func append(_ other: SectionFacts) {
        concepts.append(contentsOf: other.concepts)
        for location in other.locations where !locations.contains(location) { locations.append(location) }
        measurements.append(contentsOf: other.measurements)
        examItems.append(contentsOf: other.examItems)
    }
}

/// One mention of a lexicon concept with what the sentence says about it.
struct ConceptFact: Sendable, Hashable {
    /// The lexicon concept id.
    var concept: String
    /// The concept's category.
    var category: ConceptCategory?
    /// Whether the lexicon marks the concept as a critical result.
    var critical: Bool
    /// Present, absent or possible.
    var assertion: Assertion
    /// The side the mention is stated for (see `MentionSideResolver`).
    var side: MentionSide

    /// Whether the side of the mention is part of what it states: for findings, devices and procedures, not for
    /// descriptors and modalities, whose side words belong to the sentence around them ("Mammographie beidseits. ACR Typ C").
    var isSided: Bool {
        category != .descriptor && category != .modality
    }

    /// Whether a summarising impression must keep this fact: asserted or suspected findings and devices, and
    /// anything critical that is not negated.
    var isMajor: Bool {
        guard assertion != .absent else { return false }
        return critical || category == .finding || category == .device
    }
}

/// An anatomical location with the structure it belongs to.
struct LocationFact: Sendable, Hashable {
    /// The anatomy concept id (`upper_lobe`).
    var anatomy: String
    /// The anatomy it is part of, per the lexicon's `site` (`lung`), if any.
    var site: String?

    /// Whether one of the two may stand in the other's place: parts of the same structure ("Oberlappen",
    /// "Unterlappen"), or two whole structures ("Niere", "Leber"), but not a lobe and the heart.
    func isAlternative(to other: LocationFact) -> Bool {
        (site ?? anatomy) == (other.site ?? other.anatomy) || (site == nil && other.site == nil)
    }
}

/// A measurement reduced to what it says: the quantity and its values, with lengths in millimetres.
struct MeasurementFact: Sendable, Hashable {
    /// `length` for lengths (compared in millimetres), else the canonical unit symbol.
    var quantity: String
    /// The values in thousandths of the quantity's unit, in dictated order.
    var values: [Int64]
    /// The unit as written, for reporting.
    var unit: String

    /// Spellings of one unit that the parser keeps apart.
    private static let canonicalUnits = ["HE": "HU", "ccm": "ml"]

    /// Reduces a parsed measurement.
    init(_ measurement: Measurement) {
        unit = measurement.unit
        if let millimeters = measurement.millimeters {
            quantity = "length"
            values = millimeters.map(Self.thousandths)
        } else {
            quantity = Self.canonicalUnits[measurement.unit] ?? measurement.unit
            values = measurement.values.map(Self.thousandths)
        }
    }

    /// Whether both state the same quantity with the same values ("2,3 cm" and "23 mm" do).
    func sameValue(as other: MeasurementFact) -> Bool {
        quantity == other.quantity && values == other.values
    }

    private static func thousandths(_ value: Double) -> Int64 {
        Int64((value * 1000).rounded())
    }
}

/// A BI-RADS category, a breast density or a spinal level finding, as the exam agents read it.
enum ExamItemFact: Sendable, Hashable {
    /// A BI-RADS category; `nil` side for the exam as a whole.
    case biRads(BiRadsCategory, side: Laterality?)
    /// The ACR breast density.
    case density(BreastDensity)
    /// A disc finding or stenosis (`disc_protrusion`, `spinal_canal_stenosis`, …) at a canonical level.
    case spinal(level: String, finding: String, side: Laterality?)

    /// The item kind a mismatch reports.
    var item: FaithfulnessViolation.ExamItem {
        switch self {
        case .biRads: .biRads
        case .density: .breastDensity
        case .spinal: .spinalLevel
        }
    }

    /// Whether both say the same; a missing side matches any side, as a side-less statement contradicts neither.
    func matches(_ other: ExamItemFact) -> Bool {
        switch (self, other) {
        case (.biRads(let category, let side), .biRads(let otherCategory, let otherSide)):
            category == otherCategory && Self.sidesAgree(side, otherSide)
        case (.density(let density), .density(let otherDensity)):
            density == otherDensity
        case (.spinal(let level, let finding, let side), .spinal(let otherLevel, let otherFinding, let otherSide)):
            level == otherLevel && finding == otherFinding && Self.sidesAgree(side, otherSide)
        default:
            false
        }
    }

    /// The items of `data` with the spans they rest on; spinal findings dictated without a level are left out.
    static func items(of data: ExamData) -> [(ExamItemFact, TextSpan)] {
        var items: [(ExamItemFact, TextSpan)] = []
        if let mammography = data.mammography {
            for assessment in mammography.assessments {
                items.append((.biRads(assessment.category, side: assessment.side), assessment.span))
            }
            if let density = mammography.density { items.append((.density(density.category), density.span)) }
        }
        for level in data.spine?.levels ?? [] {
            guard let name = level.level else { continue }
            for disc in level.discs {
                items.append((.spinal(level: name, finding: "disc_" + disc.kind.rawValue, side: disc.side), disc.span))
            }
            if let stenosis = level.spinalCanalStenosis {
                items.append((.spinal(level: name, finding: "spinal_canal_stenosis", side: nil), stenosis.span))
            }
            for stenosis in level.neuroforaminalStenoses {
                items.append((.spinal(level: name, finding: "neuroforaminal_stenosis", side: stenosis.side), stenosis.span))
            }
        }
        return items
    }

    private static func sidesAgree(_ first: Laterality?, _ second: Laterality?) -> Bool {
        first == nil || second == nil || first == second
    }
}
