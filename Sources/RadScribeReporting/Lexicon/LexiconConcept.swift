import RadScribeCore

/// What kind of thing a lexicon concept names.
public enum ConceptCategory: String, Sendable, Codable, CaseIterable, Hashable {
    /// A pathology or observation: "Pneumothorax", "disc protrusion".
    case finding
    /// A body part or organ: "Leber", "left ventricle".
    case anatomy
    /// A line, tube, implant or other device: "ZVK", "pacemaker".
    case device
    /// A procedure or therapy: "Biopsie", "cholecystectomy".
    case procedure
    /// An imaging modality or examination: "MRT", "mammography".
    case modality
    /// A descriptor or classification: "hypodens", "spiculated", "BI-RADS".
    case descriptor
}

/// One concept of the lexicon: a stable id, its category and its terms in German and English.
public struct LexiconConcept: Sendable, Hashable {
    /// The stable id, for example `pneumothorax` or `kidney`.
    public let id: String
    /// What kind of thing the concept names.
    public let category: ConceptCategory
    /// Whether an asserted mention is a critical result that needs direct communication.
    public let critical: Bool
    /// Whether the concept describes change over time (progression, regression, stability).
    ///
    /// A negation of such a concept does not reach the concepts it governs:
    /// in "keine Progredienz der Metastasen" the progression is absent, the metastases are not.
    public let describesChange: Bool
    /// The anatomy concept id a finding implies ("Prostatakarzinom" → `prostate`), if any.
    public let site: String?
    /// The exam types the concept is evidence for, with evidence weights for the classifier.
    public let examTypes: [ExamType: Double]
    private let terms: [Language: [String]]

    /// Creates a concept; `terms` lists, per language, the preferred term first and then its synonyms.
    init(
        id: String,
        category: ConceptCategory,
        critical: Bool,
        describesChange: Bool,
        site: String?,
        examTypes: [ExamType: Double],
        terms: [Language: [String]]
    ) {
        self.id = id
        self.category = category
        self.critical = critical
        self.describesChange = describesChange
        self.site = site
        self.examTypes = examTypes
        self.terms = terms
    }

    /// The preferred term in `language` ("Pleuraerguss", "pleural effusion").
    public func preferredTerm(in language: Language) -> String {
        terms[language]?.first ?? id
    }

    /// The listed synonyms in `language`, without the preferred term and without generated inflections.
    public func synonyms(in language: Language) -> [String] {
        Array((terms[language] ?? []).dropFirst())
    }
}
