import RadScribeCore

/// The mapping from corpus metadata to the exam type a report must be classified as.
///
/// The defaults follow what each corpus is: Open-i holds chest radiographs (no specialised agent → `general`); the NegEx
/// reports carry a report-type code in their de-identification header, of which surgical pathology (`SP`) and
/// echocardiography (`ECHO`) name one of our types, while discharge summaries (`DS`), emergency notes (`ER`) and
/// radiology reports of unstated modality (`RAD`) do not and stay unlabelled. Of the DRG example reports, the sinus CT
/// is a CT; shoulder, knee and abdominal MRI are `general`, because no type covers MRI outside the spine, and the
/// abdominal MRI is a negative work-up of a sonographic liver finding, not tumour staging.
public struct ClassificationLabels: Sendable, Hashable {
    /// The type of every Open-i report.
    public var openI: ExamType
    /// NegEx header report-type code → type; codes not listed are not scored.
    public var negExReportTypes: [String: ExamType]
    /// DRG example exam name → type; exams not listed are not scored.
    public var funradExams: [String: ExamType]

    /// Creates a mapping.
    public init(openI: ExamType, negExReportTypes: [String: ExamType], funradExams: [String: ExamType]) {
        self.openI = openI
        self.negExReportTypes = negExReportTypes
        self.funradExams = funradExams
    }

    /// The mapping argued for above.
    public static let standard = ClassificationLabels(
        openI: .general,
        negExReportTypes: ["SP": .pathology, "ECHO": .cardiac],
        funradExams: ["CT NNH": .ctScan, "MRT Schulter": .general, "MRT Knie": .general, "MRT Abdomen": .general]
    )
}
