import RadScribeCore

/// Classifies a dictation into one of the eight exam types and chooses the agents that extract its data.
///
/// Evidence comes from the order (`context.modality` as a DICOM code and `context.bodyPart`, both strong) and from the
/// text: every phrase of ``ExamVocabulary`` that occurs counts its weight once per exam type, however often it is
/// repeated, and a spinal level ("L4/5") counts for spine MRI. Where a word stands changes its weight
/// (``MentionWeighting``: a comparison or recommended exam counts little, the history half), and a term that the findings
/// negate counts ``ExamVocabulary/negatedFactor`` of its weight.
///
/// The technique dominates incidental anatomy. Each term has a role (``EvidenceRole``): it names a technique, is
/// specific to a type, or supports one. A type counts only its strongest technique term. A type is corroborated when the
/// dictation or the order names one of its own techniques, or when its specific terms stand in several sentences; an
/// uncorroborated type counts ``ExamVocabulary/uncorroboratedFactor`` of its evidence, so a chest X-ray that mentions
/// "degenerative changes of the thoracic spine" stays general while "LWS: Osteochondrose L4/5. Bandscheibenvorfall
/// L5/S1." is a spine MRI. When the dictation names techniques and none of them is one a type is done with
/// (``ExamType/acceptedModalities``), the type's other evidence counts ``ExamVocabulary/foreignModalityFactor``.
///
/// `general` starts with a prior, so a text with little evidence (a plain chest X-ray) stays general. Scores are
/// normalised to sum 1 and ranked, ties in ``ExamType`` order; the winner's score is the confidence. At or above
/// ``singleAgentThreshold`` one agent runs, below it the top three (an ensemble): an oncology CT follow-up is legitimately
/// both `ct_scan` and `oncology`.
public struct ExamClassifier: Sendable {
    /// The confidence from which a single agent runs instead of an ensemble.
    public static let singleAgentThreshold = 0.7
    private static let ensembleSize = 3

    /// Creates a classifier.
    public init() {}

    /// Classifies a report.
    ///
    /// - Parameters:
    ///   - text: The normalised dictation.
    ///   - sections: Its sections: comparison, recommendation and clinical-information sections weigh less.
    ///   - findings: Its findings; negated ones weaken the evidence they contain.
    ///   - language: The report language.
    ///   - context: Modality and body part from the order, if known.
    /// - Returns: The classification with ranked scores, their evidence and the selected agents.
    public func classify(
        text: String,
        sections: [ReportSection],
        findings: [Finding],
        language: Language,
        context: ReportContext
    ) -> Classification {
        classify(FoldedText(text), sections: sections, findings: findings, context: context)
    }

    /// Classifies an already folded text (the pipeline folds once for all components).
    func classify(_ text: FoldedText, sections: [ReportSection], findings: [Finding], context: ReportContext) -> Classification {
        let findings = findings.sorted { $0.span.start < $1.span.start }
        var tally = EvidenceTally()
        if let modality = context.modality?.trimmingBlanks(), !modality.isEmpty {
            for weight in ExamVocabulary.weights(forModality: modality) {
                tally.add(weight, factor: 1, sentence: nil, term: "modality \(modality.uppercased())")
            }
        }
        if let bodyPart = context.bodyPart {
            let folded = FoldedText(bodyPart)
            tally.addTerms(of: folded, factors: Array(repeating: ExamVocabulary.bodyPartFactor, count: folded.tokens.count), negation: nil)
        }
        let factors = MentionWeighting.factors(of: text, sections: sections)
        tally.addTerms(of: text, factors: factors, negation: findings)
        if let level = SpinalLevelParser.mentions(in: 0..<text.tokens.count, of: text).first {
            tally.add(
                ExamWeight(examType: .spineMRI, weight: ExamVocabulary.spinalLevelWeight, role: .supporting),
                factor: factors[level.firstToken],
                sentence: text.tokens[level.firstToken].sentence,
                term: text.string(tokens: level.firstToken, through: level.lastToken)
            )
        }
        return tally.classification(ensembleSize: Self.ensembleSize, threshold: Self.singleAgentThreshold)
    }
}

extension ExamType {
    /// Position in `allCases`, the deterministic tie-break order.
    var tieBreakOrder: Int {
        switch self {
        case .mammography: 0
        case .spineMRI: 1
        case .ctScan: 2
        case .ultrasound: 3
        case .oncology: 4
        case .cardiac: 5
        case .pathology: 6
        case .general: 7
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    fileprivate func trimmingBlanks() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
