/// The eight report types a dictation is classified into; each has a specialised extraction agent.
public enum ExamType: String, Sendable, Codable, CaseIterable, Hashable {
    case mammography
    case spineMRI = "spine_mri"
    case ctScan = "ct_scan"
    case ultrasound
    case oncology
    case cardiac
    case pathology
    case general
}
