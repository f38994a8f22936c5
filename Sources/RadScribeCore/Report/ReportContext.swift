/// The patient's administrative sex, as far as the report checks need it.
public enum PatientSex: String, Sendable, Codable, Hashable {
    case female
    case male
    case other
    case unknown
}

/// What is known about the exam besides the dictation; every field is optional.
///
/// The context sharpens the consistency checks: a known sex enables the sex-specific anatomy check, a clinical question
/// given here counts like a dictated "Fragestellung" for the laterality check.
public struct ReportContext: Sendable, Codable, Hashable {
    /// The patient's sex.
    public var patientSex: PatientSex?
    /// The patient's age in years.
    public var patientAge: Int?
    /// The clinical question from the order.
    public var clinicalQuestion: String?
    /// The modality from the order or PACS (DICOM code such as `MR`, `CT`, `US`, `MG`).
    public var modality: String?
    /// The body part from the order or PACS.
    public var bodyPart: String?

    /// Creates a context.
    public init(
        patientSex: PatientSex? = nil,
        patientAge: Int? = nil,
        clinicalQuestion: String? = nil,
        modality: String? = nil,
        bodyPart: String? = nil
    ) {
        self.patientSex = patientSex
        self.patientAge = patientAge
        self.clinicalQuestion = clinicalQuestion
        self.modality = modality
        self.bodyPart = bodyPart
    }
}
