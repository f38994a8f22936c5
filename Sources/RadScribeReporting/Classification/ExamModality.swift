import RadScribeCore

/// The technique an exam is done with, as a dictation names it ("Röntgen", "MRT", "CT", "Sonographie") or the order's
/// DICOM modality code states it.
enum ExamModality: UInt8, Sendable, Hashable, CaseIterable {
    /// Projection radiography: X-ray, "Thorax in zwei Ebenen", "PA and lateral".
    case radiography
    /// Magnetic resonance imaging.
    case magneticResonance
    /// Computed tomography.
    case computedTomography
    /// Ultrasound, echocardiography included.
    case ultrasound
    /// Mammography and breast tomosynthesis.
    case mammography
    /// PET and scintigraphy.
    case nuclearMedicine
    /// Catheter angiography.
    case angiography
    /// The pathologist's work-up: histology, cytology, gross and microscopic description.
    case histology

    /// The modality's bit in ``ExamModalities``.
    fileprivate var bit: UInt16 { 1 << UInt16(rawValue) }
}

/// A small set of ``ExamModality`` values.
struct ExamModalities: Sendable, Hashable {
    private var bits: UInt16 = 0

    /// The empty set.
    init() {}

    /// The set of `modalities`.
    init(_ modalities: [ExamModality]) {
        for modality in modalities { insert(modality) }
    }

    /// Whether nothing is in the set.
    var isEmpty: Bool { bits == 0 }

    /// Adds `modality`.
    mutating func insert(_ modality: ExamModality) { bits |= modality.bit }

    /// Whether the two sets share a modality.
    func intersects(_ other: ExamModalities) -> Bool { bits & other.bits != 0 }
}

/// What a term says about an exam type.
enum EvidenceRole: Sendable, Hashable {
    /// It names the technique ("MRT", "Mammographie", "Histologie"). A type counts only its strongest such term, because
    /// synonyms and sequence names ("MRT … T1 … STIR") name one technique, not more of it.
    case modality(ExamModality)
    /// A descriptor that only one technique produces ("Hounsfield", "Knochenfenster", "echoarm", "Schallschatten"): it names
    /// the technique as `modality` does and adds up as `specific` does.
    case technique(ExamModality)
    /// A finding or measure that only this exam type reports ("Neuroforamenstenose", "BI-RADS", "LVEF", "echoarm").
    case specific
    /// Anatomy or findings the type shares with other exams ("LWS", "Mamma", "Herz", "Metastase"). They count fully only
    /// when the type is corroborated: see ``ExamClassifier``.
    case supporting
}

extension ExamType {
    /// The techniques this type of exam is done with. Evidence for the type counts little when the dictation names only
    /// other techniques: a chest radiograph that mentions the spine is no spine MRI, a CT that describes the lungs is no
    /// plain chest film. `general` covers radiography and the MRI of regions no specialised agent handles.
    var acceptedModalities: ExamModalities {
        switch self {
        case .mammography: ExamModalities([.mammography, .ultrasound, .magneticResonance])
        case .spineMRI: ExamModalities([.magneticResonance])
        case .ctScan: ExamModalities([.computedTomography])
        case .ultrasound: ExamModalities([.ultrasound])
        case .oncology: ExamModalities([.computedTomography, .magneticResonance, .nuclearMedicine])
        case .cardiac: ExamModalities([.magneticResonance, .computedTomography, .ultrasound, .nuclearMedicine, .angiography])
        case .pathology: ExamModalities([.histology])
        case .general: ExamModalities([.radiography, .magneticResonance])
        }
    }
}
