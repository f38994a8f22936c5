import RadScribeCore

/// What the engine says about one gold label in one report.
public enum LabelPrediction: String, Sendable, Hashable, Codable {
    /// At least one mention is present or possible.
    case positive
    /// Every mention is negated.
    case negated
    /// No mention in the findings or impression.
    case notMentioned = "not_mentioned"
}

/// The engine's verdict on one label of one report and the mentions it rests on.
struct LabelDecision: Sendable, Hashable {
    /// The NegBio label.
    var label: String
    /// The verdict.
    var prediction: LabelPrediction
    /// The concept mentions of the label's concepts.
    var mentions: [ConceptMention]
}

/// Decides each NegBio label of a report from the engine's concept mentions.
///
/// Only findings of the findings and impression sections count, as NegBio labelled those. A label is positive when any
/// mention of one of its concepts is present or possible, negated when all its mentions are absent, and not mentioned
/// otherwise.
struct ReportNegationScorer: Sendable {
    /// The label → concept table.
    var map: NegBioLabelMap

    /// The prediction for every label of ``map`` with the mentions it rests on.
    func decisions(for report: StructuredReport?) -> [LabelDecision] {
        let mentions = (report?.findings ?? []).filter { $0.section == .findings || $0.section == .impression }.flatMap(\.concepts)
        return map.entries.map { entry in
            let matching = mentions.filter { entry.conceptIds.contains($0.concept) }
            let prediction: LabelPrediction =
                if matching.isEmpty {
                    .notMentioned
                } else if matching.contains(where: { $0.assertion != .absent }) {
                    .positive
                } else {
                    .negated
                }
            return LabelDecision(label: entry.label, prediction: prediction, mentions: matching)
        }
    }
}
