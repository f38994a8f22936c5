import RadScribeCore

/// How the fields of an Open-i report are put together into one dictation for the segmentation test.
public enum DictationVariant: String, Sendable, CaseIterable, Hashable, Codable {
    /// `INDICATION: …\nCOMPARISON: …\nFINDINGS: …\nIMPRESSION: …`, non-empty fields only, a "None." comparison left out.
    case typedHeaders = "typed_headers"
    /// As a speech engine writes it: lower case, headers as plain words, no colons, no line breaks, other punctuation kept.
    case spokenHeaders = "spoken_headers"
    /// The findings first without a header, then `Impression: …`.
    case missingFindingsHeader = "missing_findings_header"

    /// A short name for tables.
    public var title: String {
        switch self {
        case .typedHeaders: "typed headers"
        case .spokenHeaders: "spoken headers"
        case .missingFindingsHeader: "no findings header"
        }
    }
}

/// A field of an Open-i report and the section kind its words belong in.
public enum ReportField: String, Sendable, CaseIterable, Hashable, Codable {
    case indication
    case comparison
    case findings
    case impression

    /// The section kind the field's words must land in: a comparison is part of the technique section.
    public var expectedKind: SectionKind {
        switch self {
        case .indication: .clinicalInformation
        case .comparison: .technique
        case .findings: .findings
        case .impression: .impression
        }
    }
}

/// A dictation assembled from report fields, with the place of every field in it.
struct AssembledDictation: Sendable, Hashable {
    /// Where a field stands in ``text``.
    struct Placement: Sendable, Hashable {
        /// The field.
        var field: ReportField
        /// Its UTF-16 span in ``AssembledDictation/text``, header excluded.
        var span: TextSpan
    }

    /// The dictation.
    var text: String
    /// The fields in the order they appear.
    var placements: [Placement]
}
