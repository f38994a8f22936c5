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
        public var conceptIds: Set<String>

        /// Creates an entry.
        public init(label: String, conceptIds: Set<String>) {
            self.label = label
            self.conceptIds = conceptIds
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
        Entry(label: "Atelectasis", conceptIds: ["atelectasis"]),
        Entry(label: "Cardiomegaly", conceptIds: ["cardiomegaly"]),
        Entry(label: "Effusion", conceptIds: ["pleural_effusion", "effusion"]),
        Entry(label: "Infiltration", conceptIds: ["infiltration", "infiltrate", "pulmonary_infiltrate"]),
        Entry(label: "Mass", conceptIds: ["mass", "lung_mass", "pulmonary_mass"]),
        Entry(label: "Nodule", conceptIds: ["nodule", "lung_nodule", "pulmonary_nodule"]),
        Entry(label: "Pneumonia", conceptIds: ["pneumonia"]),
        Entry(label: "Pneumothorax", conceptIds: ["pneumothorax"]),
        Entry(label: "Consolidation", conceptIds: ["consolidation"]),
        Entry(label: "Edema", conceptIds: ["pulmonary_edema", "edema"]),
        Entry(label: "Emphysema", conceptIds: ["emphysema"]),
        Entry(label: "Fibrosis", conceptIds: ["fibrosis", "pulmonary_fibrosis"]),
        Entry(label: "Pleural_Thickening", conceptIds: ["pleural_thickening"]),
        Entry(label: "Hernia", conceptIds: ["hernia", "hiatal_hernia", "hiatus_hernia"]),
    ])

    /// The gold labels in table order.
    public var labels: [String] { entries.map(\.label) }
}
