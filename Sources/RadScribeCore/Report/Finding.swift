/// Whether a finding or concept is asserted, negated, or uncertain.
public enum Assertion: String, Sendable, Codable, Hashable {
    /// Stated as present ("Pleuraerguss links").
    case present
    /// Negated ("kein Nachweis eines Pneumothorax", "no evidence of pneumothorax").
    case absent
    /// Hedged ("V. a. Pneumonie", "possible consolidation").
    case possible
}

/// Body side.
public enum Laterality: String, Sendable, Codable, Hashable {
    case left
    case right
    case bilateral
}

/// A trigger phrase that changed an assertion (a negation or uncertainty cue) and where it stands.
public struct AssertionCue: Sendable, Codable, Hashable {
    /// The cue as it appears in the text.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates a cue.
    public init(text: String, span: TextSpan) {
        self.text = text
        self.span = span
    }
}

/// A lexicon concept mentioned in a finding.
public struct ConceptMention: Sendable, Codable, Hashable {
    /// The lexicon's stable concept id (for example `pneumothorax`).
    public var concept: String
    /// The preferred term in the report language.
    public var preferredTerm: String
    /// What kind of concept it is: `finding`, `anatomy`, `device`, `procedure`, `modality`, `descriptor`.
    public var category: String
    /// Whether an asserted mention of this concept is a critical result that needs direct communication.
    public var critical: Bool
    /// The words as they appear in the text.
    public var matchedText: String
    /// Their span in the normalised report text.
    public var span: TextSpan
    /// Whether this concept is asserted, negated or hedged.
    public var assertion: Assertion
    /// The cue that negated or hedged it, when one did.
    public var cue: AssertionCue?

    /// Creates a concept mention.
    public init(
        concept: String,
        preferredTerm: String,
        category: String,
        critical: Bool,
        matchedText: String,
        span: TextSpan,
        assertion: Assertion,
        cue: AssertionCue?
    ) {
        self.concept = concept
        self.preferredTerm = preferredTerm
        self.category = category
        self.critical = critical
        self.matchedText = matchedText
        self.span = span
        self.assertion = assertion
        self.cue = cue
    }
}

/// A measurement as dictated, with lengths normalised to millimetres.
public struct Measurement: Sendable, Codable, Hashable {
    /// The numbers as dictated: one for "3,5 cm", two for "4 x 3 cm", three for "4 x 3 x 2 cm".
    public var values: [Double]
    /// The unit as written after normalisation (`mm`, `cm`, `ml`, `%`, `HU`, …).
    public var unit: String
    /// The values in millimetres when the unit is a length, otherwise `nil`.
    public var millimeters: [Double]?
    /// The measurement text as it appears.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan

    /// Creates a measurement.
    public init(values: [Double], unit: String, millimeters: [Double]?, text: String, span: TextSpan) {
        self.values = values
        self.unit = unit
        self.millimeters = millimeters
        self.text = text
        self.span = span
    }
}

/// One sentence-level finding with its assertion status, side, location, concepts and measurements.
public struct Finding: Sendable, Codable, Hashable {
    /// The sentence.
    public var text: String
    /// Its span in the normalised report text.
    public var span: TextSpan
    /// The section it stands in.
    public var section: SectionKind
    /// The sentence's overall assertion: `absent` when everything it mentions is negated, `possible` when hedged.
    public var assertion: Assertion
    /// The side the sentence speaks of, if any.
    public var laterality: Laterality?
    /// Anatomical locations (lexicon concept ids of anatomy) named in the sentence.
    public var locations: [String]
    /// The lexicon concepts (findings, diseases, devices) named in the sentence.
    public var concepts: [ConceptMention]
    /// Measurements in the sentence.
    public var measurements: [Measurement]

    /// Creates a finding.
    public init(
        text: String,
        span: TextSpan,
        section: SectionKind,
        assertion: Assertion,
        laterality: Laterality?,
        locations: [String],
        concepts: [ConceptMention],
        measurements: [Measurement]
    ) {
        self.text = text
        self.span = span
        self.section = section
        self.assertion = assertion
        self.laterality = laterality
        self.locations = locations
        self.concepts = concepts
        self.measurements = measurements
    }

    /// Whether the sentence as a whole is negated.
    public var isNegated: Bool { assertion == .absent }
    /// Whether the sentence as a whole is hedged.
    public var isUncertain: Bool { assertion == .possible }
}
