/// Which lexicon concept ids count as a mention of each NegBio gold label.
///
/// The lexicon's ids are not final, so every label accepts several candidates; an id the lexicon does not have simply
/// never matches. Adjust ``standard`` (or pass another map in ``EvaluationOptions``) when the lexicon settles.
public struct NegBioLabelMap: Sendable, Hashable {
    /// One gold label and its concept ids.
    public struct Entry: Sendable, Hashable {
        /// The column name in `negbio_openi_gld_std14.csv`.
        public var label: String
        /// The lexicon concept ids that mention it.
        public var conceptIDs: Set<String>

        /// Creates an entry.
        public init(label: String, conceptIDs: Set<String>) {
            self.label = label
            self.conceptIDs = conceptIDs
        }
    }

    /// The labels in table order.
    public var entries: [Entry]

    /// Creates a map.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// The 14 NegBio labels with the ids the lexicon is likely to use.
    public static let standard = NegBioLabelMap(entries: [
        Entry(label: "Atelectasis", conceptIDs: ["atelectasis"]),
        Entry(label: "Cardiomegaly", conceptIDs: ["cardiomegaly"]),
        Entry(label: "Effusion", conceptIDs: ["pleural_effusion", "effusion"]),
        Entry(label: "Infiltration", conceptIDs: ["infiltration", "infiltrate", "pulmonary_infiltrate"]),
        Entry(label: "Mass", conceptIDs: ["mass", "lung_mass", "pulmonary_mass"]),
        Entry(label: "Nodule", conceptIDs: ["nodule", "lung_nodule", "pulmonary_nodule"]),
        Entry(label: "Pneumonia", conceptIDs: ["pneumonia"]),
        Entry(label: "Pneumothorax", conceptIDs: ["pneumothorax"]),
        Entry(label: "Consolidation", conceptIDs: ["consolidation"]),
        Entry(label: "Edema", conceptIDs: ["pulmonary_edema", "edema"]),
        Entry(label: "Emphysema", conceptIDs: ["emphysema"]),
        Entry(label: "Fibrosis", conceptIDs: ["fibrosis", "pulmonary_fibrosis"]),
        Entry(label: "Pleural_Thickening", conceptIDs: ["pleural_thickening"]),
        Entry(label: "Hernia", conceptIDs: ["hernia", "hiatal_hernia", "hiatus_hernia"]),
    ])

    /// The gold labels in table order.
    public var labels: [String] { entries.map(\.label) }
}
