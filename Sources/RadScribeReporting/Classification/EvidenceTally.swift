import RadScribeCore

/// Collects the classifier's evidence per exam type and turns it into ranked scores (see ``ExamClassifier``).
///
/// Each vocabulary phrase counts once, at the strongest factor any of its occurrences has. What an occurrence says beyond
/// its weight comes only from occurrences that are neither negated nor about another exam (``MentionWeighting``): a
/// technique term corroborates its type, and names the technique of this exam unless it stands in the history; a
/// specific term marks its sentence for the type's corroboration.
struct EvidenceTally {
    private struct PhraseHit {
        var entry: Int
        var weights: [ExamWeight]
        var term: String
        var factor: Double
    }

    private struct TypeEvidence {
        /// The strongest technique term.
        var modality = 0.0
        /// Technique descriptors, specific and supporting terms.
        var other = 0.0
        /// Named by the order, or one of its own techniques named in the text.
        var corroborated = false
        /// The terms that counted, in first-seen order, one per phrase.
        var evidence: [String] = []
        /// Up to ``ExamVocabulary/corroboratingSentences`` sentences with an asserted specific term.
        var specificSentences: [Int] = []

        mutating func add(_ weight: ExamWeight, factor: Double, term: String) {
            if case .modality = weight.role {
                modality = max(modality, weight.weight * factor)
            } else {
                other += weight.weight * factor
            }
            evidence.append(term)
        }

        mutating func noteSpecific(inSentence sentence: Int) {
            if specificSentences.count < ExamVocabulary.corroboratingSentences, !specificSentences.contains(sentence) {
                specificSentences.append(sentence)
            }
        }
    }

    private var types = Array(repeating: TypeEvidence(), count: ExamType.allCases.count)
    private var namedModalities = ExamModalities()
    /// In first-seen order; a report has few distinct phrases, so a linear search beats hashing.
    private var hits: [PhraseHit] = []

    /// Adds one piece of evidence directly: `sentence` is its sentence in the dictation, `nil` when the order states it.
    mutating func add(_ weight: ExamWeight, factor: Double, sentence: Int?, term: String) {
        note(weight, factor: factor, sentence: sentence)
        types[weight.examType.tieBreakOrder].add(weight, factor: factor, term: term)
    }

    /// Adds every vocabulary phrase of `text`, each token weighted by `factors`; phrases in negated findings (when
    /// `negation` is given) count less. Without `negation` the text is the order's body part, which corroborates the
    /// types it names.
    mutating func addTerms(of text: FoldedText, factors: [Double], negation findings: [Finding]?) {
        var index = 0
        while index < text.tokens.count {
            guard let match = ExamVocabulary.terms.match(at: index, in: text) else {
                index += 1
                continue
            }
            let last = index + match.tokenCount - 1
            var factor = factors[index]
            if let findings, NegationScope.extractorVerdict(on: text.span(tokens: index, through: last), in: findings) == true {
                factor *= ExamVocabulary.negatedFactor
            }
            for weight in match.value {
                note(weight, factor: factor, sentence: findings == nil ? nil : text.tokens[index].sentence)
            }
            if let position = hits.firstIndex(where: { $0.entry == match.entry }) {
                hits[position].factor = max(hits[position].factor, factor)
            } else {
                hits.append(PhraseHit(entry: match.entry, weights: match.value, term: text.string(tokens: index, through: last), factor: factor))
            }
            index = last + 1
        }
    }

    /// Records what an occurrence says beyond its weight: a named technique, a corroborating specific term.
    private mutating func note(_ weight: ExamWeight, factor: Double, sentence: Int?) {
        let index = weight.examType.tieBreakOrder
        guard let sentence else {
            types[index].corroborated = true
            switch weight.role {
            case .modality(let modality), .technique(let modality): namedModalities.insert(modality)
            case .specific, .supporting: break
            }
            return
        }
        guard factor >= MentionWeighting.historyFactor else { return }
        switch weight.role {
        case .modality(let modality), .technique(let modality):
            if factor >= 1 { namedModalities.insert(modality) }
            types[index].corroborated = true
        case .specific:
            types[index].noteSpecific(inSentence: sentence)
        case .supporting:
            break
        }
    }

    /// The normalised, ranked classification.
    func classification(ensembleSize: Int, threshold: Double) -> Classification {
        var types = types
        for hit in hits {
            for weight in hit.weights {
                types[weight.examType.tieBreakOrder].add(weight, factor: hit.factor, term: hit.term)
            }
        }
        let raw = ExamType.allCases.map { examType in
            score(of: types[examType.tieBreakOrder], for: examType)
        }
        let total = raw.reduce(0, +)
        let scores = ExamType.allCases.enumerated()
            .map { index, examType in
                ExamTypeScore(
                    examType: examType,
                    score: total > 0 ? raw[index] / total : 0,
                    evidence: types[examType.tieBreakOrder].evidence
                )
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

    /// The unnormalised score of one type.
    private func score(of evidence: TypeEvidence, for examType: ExamType) -> Double {
        let foreign = !namedModalities.isEmpty && !namedModalities.intersects(examType.acceptedModalities)
        let other = evidence.other * (foreign ? ExamVocabulary.foreignModalityFactor : 1)
        guard examType != .general else { return ExamVocabulary.generalPrior + evidence.modality + other }
        let corroborated = evidence.corroborated || evidence.specificSentences.count >= ExamVocabulary.corroboratingSentences
        return (evidence.modality + other) * (corroborated ? 1 : ExamVocabulary.uncorroboratedFactor)
    }
}
