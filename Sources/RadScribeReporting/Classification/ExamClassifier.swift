import RadScribeCore

/// Classifies a dictation into one of the eight exam types and chooses the agents that extract its data.
///
/// Evidence comes from the order (`context.modality` as a DICOM code and `context.bodyPart`, both strong) and from the
/// text: every phrase of ``ExamVocabulary`` that occurs counts its weight once per exam type, however often it is
/// repeated, and a spinal level ("L4/5") counts for spine MRI. A term that the findings negate counts
/// ``ExamVocabulary/negatedFactor`` of its weight. `general` starts with a prior, so a text with little evidence (a plain
/// chest X-ray) stays general. Scores are normalised to sum 1 and ranked, ties in ``ExamType`` order; the winner's score
/// is the confidence. At or above ``singleAgentThreshold`` one agent runs, below it the top three (an ensemble): an
/// oncology CT follow-up is legitimately both `ct_scan` and `oncology`.
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
    ///   - sections: Its sections (not used for scoring: a clinical question is evidence too).
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
        classify(FoldedText(text), findings: findings, context: context)
    }

    /// Classifies an already folded text (the pipeline folds once for all components).
    func classify(_ text: FoldedText, findings: [Finding], context: ReportContext) -> Classification {
        let findings = findings.sorted { $0.span.start < $1.span.start }
        var tally = EvidenceTally()
        tally.add(ExamWeight(examType: .general, weight: ExamVocabulary.generalPrior), factor: 1, term: nil)
        if let modality = context.modality?.trimmingBlanks(), !modality.isEmpty {
            for weight in ExamVocabulary.weights(forModality: modality) {
                tally.add(weight, factor: 1, term: "modality \(modality.uppercased())")
            }
        }
        if let bodyPart = context.bodyPart {
            tally.addTerms(of: FoldedText(bodyPart), factor: ExamVocabulary.bodyPartFactor, negation: nil)
        }
        tally.addTerms(of: text, factor: 1, negation: findings)
        if let level = SpinalLevelParser.mentions(in: 0..<text.tokens.count, of: text).first {
            tally.add(
                ExamWeight(examType: .spineMRI, weight: ExamVocabulary.spinalLevelWeight),
                factor: 1,
                term: text.string(tokens: level.firstToken, through: level.lastToken)
            )
        }
        return tally.classification(ensembleSize: Self.ensembleSize, threshold: Self.singleAgentThreshold)
    }
}

/// Sums the evidence per exam type, counting each vocabulary phrase once at its strongest factor.
private struct EvidenceTally {
    private struct PhraseHit {
        var weights: [ExamWeight]
        var term: String
        var factor: Double
    }

    private var raw: [Double] = Array(repeating: 0, count: ExamType.allCases.count)
    private var evidence: [[String]] = Array(repeating: [], count: ExamType.allCases.count)
    private var hits: [Int: PhraseHit] = [:]
    private var hitOrder: [Int] = []

    /// Adds one piece of evidence directly.
    mutating func add(_ weight: ExamWeight, factor: Double, term: String?) {
        let index = weight.examType.tieBreakOrder
        raw[index] += weight.weight * factor
        if let term, !evidence[index].contains(term) { evidence[index].append(term) }
    }

    /// Adds every vocabulary phrase of `text`; phrases in negated findings (when `negation` is given) count less.
    mutating func addTerms(of text: FoldedText, factor: Double, negation findings: [Finding]?) {
        var index = 0
        while index < text.tokens.count {
            guard let match = ExamVocabulary.terms.match(at: index, in: text) else {
                index += 1
                continue
            }
            let last = index + match.tokenCount - 1
            var termFactor = factor
            if let findings, NegationScope.extractorVerdict(on: text.span(tokens: index, through: last), in: findings) == true {
                termFactor *= ExamVocabulary.negatedFactor
            }
            if var hit = hits[match.entry] {
                hit.factor = max(hit.factor, termFactor)
                hits[match.entry] = hit
            } else {
                hits[match.entry] = PhraseHit(weights: match.value, term: text.string(tokens: index, through: last), factor: termFactor)
                hitOrder.append(match.entry)
            }
            index = last + 1
        }
    }

    /// The normalised, ranked classification.
    func classification(ensembleSize: Int, threshold: Double) -> Classification {
        var raw = raw
        var evidence = evidence
        for entry in hitOrder {
            guard let hit = hits[entry] else { continue }
            for weight in hit.weights {
                raw[weight.examType.tieBreakOrder] += weight.weight * hit.factor
                evidence[weight.examType.tieBreakOrder].append(hit.term)
            }
        }
        let total = raw.reduce(0, +)
        let scores = ExamType.allCases.enumerated()
            .map { index, examType in
                ExamTypeScore(examType: examType, score: total > 0 ? raw[index] / total : 0, evidence: Self.unique(evidence[index]))
            }
            .sorted { lhs, rhs in
                lhs.score != rhs.score ? lhs.score > rhs.score : lhs.examType.tieBreakOrder < rhs.examType.tieBreakOrder
            }
        let winner = scores[0]
        let isSingle = winner.score >= threshold
        return Classification(
            examType: winner.examType,
            confidence: winner.score,
            scores: scores,
            selection: isSingle ? .single : .ensemble,
            agents: isSingle ? [winner.examType] : scores.prefix(ensembleSize).map(\.examType)
        )
    }

    /// Terms in first-seen order without case-insensitive repeats ("LWS" and "lws" from different phrases stay one).
    private static func unique(_ terms: [String]) -> [String] {
        var seen: Set<String> = []
        return terms.filter { seen.insert($0.lowercased()).inserted }
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
