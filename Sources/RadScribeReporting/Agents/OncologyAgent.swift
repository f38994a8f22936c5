import RadScribeCore

/// Extracts target lesions with current and prior diameters, their sums, response words, new lesions and a RECIST-like category.
///
/// A target lesion is a length measurement in a non-negated statement that names a lesion ("Metastase", "Rundherd",
/// "Lymphknoten", "target lesion"). A measurement after a prior cue ("zuvor 2,1 cm", "previously 21 mm", "VU: 18 mm",
/// "vs. 18 mm") is the prior size of the lesion before it; "von 21 auf 25 mm" / "from 21 to 25 mm" gives both. The
/// diameter that counts is the longest one, for lymph nodes the short axis (the smaller of two). Lesions of the findings
/// are preferred to their repetition in the impression; at most five, two per organ, as in RECIST 1.1. The category:
/// new lesions or a sum ≥ 20 % and ≥ 5 mm above the prior sum → progressive disease; sum 0 → complete response;
/// ≥ 30 % below → partial response; otherwise stable disease; `nil` without prior sizes and without new lesions.
struct OncologyAgent: ExamAgent {
    let examType = ExamType.oncology

    private static let maximumTargets = 5
    private static let maximumTargetsPerOrgan = 2

    private static let lesionWords = PhraseTable<Void>(words: [
        "metastase*", "*metastase*", "läsion*", "*läsion*", "herd*", "*herd*", "rundherd*", "raumforderung*", "tumor*", "knoten*",
        "lymphknoten*", "*lymphknoten", "filia", "filiae", "lesion*", "mass", "masses", "nodule*", "node", "nodes", "lymph node*",
        "metastasis", "metastases", "tumour*", "target lesion*", "zielläsion*",
    ])
    private static let lymphNodeWords = PhraseTable<Void>(words: [
        "lymphknoten*", "*lymphknoten", "lymph node*", "node", "nodes", "nodal", "lk",
    ])
    private static let priorCues = PhraseTable<Void>(words: [
        "zuvor", "vorher", "vormals", "früher", "damals", "ehemals", "voruntersuchung", "vorbefund", "vu", "vs", "versus",
        "previously", "prior", "previous", "before", "baseline", "initial*", "ausgangsbefund", "im vorbefund", "at baseline",
    ])
    private static let fromWords = PhraseTable<Void>(words: ["von", "from"])
    private static let toWords = PhraseTable<Void>(words: ["auf", "to"])

    private static let responseWords = PhraseTable<ResponseTerm>(
        entries: [
            (
                ResponseTerm.progression,
                [
                    "progredient*", "größenprogredient*", "progredienz", "größenprogredienz", "progress", "progression", "progressive",
                    "progressive disease", "progressiv*", "größenzunahme", "increased in size", "increase in size",
                ]
            ),
            (
                .regression,
                [
                    "regredient*", "größenregredient*", "regredienz", "größenregredienz", "rückläufig*", "regression", "regressive",
                    "regressiv*", "größenabnahme", "decreased in size", "decrease in size",
                ]
            ),
            (.stable, ["stabil*", "stable", "stable disease", "unverändert*", "unchanged", "konstant*", "größenkonstant*"]),
            (
                .partialResponse,
                [
                    "partielle* remission", "partial response", "partial remission", "teilremission", "partielle* ansprechen*",
                ]
            ),
            (
                .completeResponse,
                [
                    "komplette* remission", "vollständige* remission", "complete remission", "complete response", "komplettremission",
                    "vollremission", "komplette* ansprechen*",
                ]
            ),
        ].flatMap { term, phrases in phrases.map { ($0, term) } }
    )
    private static let newWords = PhraseTable<Void>(words: ["neu", "neue*", "new", "newly", "neu aufgetreten*", "neuaufgetreten*"])

    func extract(from input: AgentInput, into data: inout ExamData) {
        var oncology = OncologyData()
        oncology.targetLesions = targetLesions(in: input)
        for lesion in oncology.targetLesions {
            data.record(lesion.measurement, subject: lesion.location ?? "lesion", by: examType)
        }
        if !oncology.targetLesions.isEmpty {
            oncology.sumOfDiametersMillimeters = oncology.targetLesions.reduce(0) { $0 + $1.diameterMillimeters }
            let priors = oncology.targetLesions.compactMap(\.priorDiameterMillimeters)
            if priors.count == oncology.targetLesions.count { oncology.priorSumOfDiametersMillimeters = priors.reduce(0, +) }
        }
        oncology.responseStatements = responseStatements(in: input)
        oncology.newLesions = newLesions(in: input)
        oncology.recistCategory = Self.category(
            sum: oncology.sumOfDiametersMillimeters,
            priorSum: oncology.priorSumOfDiametersMillimeters,
            hasNewLesions: !oncology.newLesions.isEmpty
        )
        data.oncology = oncology
    }

    /// RECIST 1.1 thresholds applied to the sums.
    static func category(sum: Double?, priorSum: Double?, hasNewLesions: Bool) -> RecistCategory? {
        if hasNewLesions { return .progressiveDisease }
        guard let sum, let priorSum, priorSum > 0 else { return nil }
        if sum == 0 { return .completeResponse }
        let change = (sum - priorSum) / priorSum
        if change >= 0.2 && sum - priorSum >= 5 { return .progressiveDisease }
        if change <= -0.3 { return .partialResponse }
        return .stableDisease
    }

    // MARK: - Target lesions

    private func targetLesions(in input: AgentInput) -> [TargetLesion] {
        let candidates = input.statements.filter { $0.section != .impression && $0.section != .technique }.flatMap { lesions(in: $0, input: input) }
        let all = candidates.isEmpty ? input.statements.filter { $0.section == .impression }.flatMap { lesions(in: $0, input: input) } : candidates
        var targets: [TargetLesion] = []
        for lesion in all where targets.count < Self.maximumTargets {
            let sameOrgan = targets.filter { $0.location == lesion.location }
            guard sameOrgan.count < Self.maximumTargetsPerOrgan,
                !sameOrgan.contains(where: { $0.diameterMillimeters == lesion.diameterMillimeters })
            else { continue }
            targets.append(lesion)
        }
        return targets
    }

    private func lesions(in statement: Statement, input: AgentInput) -> [TargetLesion] {
        let text = input.text
        guard statement.assertion != .absent, !statement.measurements.isEmpty,
            statement.tokens.contains(where: { Self.lesionWords.contains(tokenAt: $0, in: text) && !input.negation.isNegated(first: $0, last: $0) })
        else { return [] }
        let isLymphNode = statement.tokens.contains { Self.lymphNodeWords.contains(tokenAt: $0, in: text) }
        let location = input.organs(in: statement.tokens).first?.organ
        var lesions: [TargetLesion] = []
        var pendingPrior: (millimeters: Double, evidence: TextEvidence)?
        for measurement in statement.measurements {
            guard let millimeters = measurement.millimeters, !millimeters.isEmpty else { continue }
            let tokens = AgentInput.tokenRange(of: measurement.span, in: text)
            guard let first = tokens.first, statement.tokens.contains(first) else { continue }
            let diameter = Self.diameter(millimeters, isLymphNode: isLymphNode)
            let evidence = TextEvidence(text: measurement.text, span: measurement.span)
            if isPrior(before: first, in: statement, text: text) {
                if let index = lesions.lastIndex(where: { $0.priorDiameterMillimeters == nil }) {
                    lesions[index].priorDiameterMillimeters = diameter
                    lesions[index].prior = evidence
                } else {
                    pendingPrior = (diameter, evidence)
                }
                continue
            }
            var lesion = TargetLesion(
                location: location,
                isLymphNode: isLymphNode,
                diameterMillimeters: diameter,
                priorDiameterMillimeters: pendingPrior?.millimeters,
                measurement: measurement,
                prior: pendingPrior?.evidence,
                text: input.string(statement.span),
                span: statement.span
            )
            pendingPrior = nil
            if lesion.priorDiameterMillimeters == nil, let prior = fromToPrior(before: first, measurement: measurement, in: statement, text: text) {
                lesion.priorDiameterMillimeters = prior.millimeters
                lesion.prior = prior.evidence
            }
            lesions.append(lesion)
        }
        return lesions
    }

    private static func diameter(_ millimeters: [Double], isLymphNode: Bool) -> Double {
        isLymphNode && millimeters.count >= 2 ? millimeters.min() ?? 0 : millimeters.max() ?? 0
    }

    /// A prior cue within the three tokens before the measurement, in the same sentence ("(zuvor 2,1 cm)", "vs. 18 mm").
    private func isPrior(before first: Int, in statement: Statement, text: FoldedText) -> Bool {
        let sentence = text.tokens[first].sentence
        return (max(statement.tokens.lowerBound, first - 3)..<first).contains { index in
            text.tokens[index].sentence == sentence && Self.priorCues.contains(tokenAt: index, in: text)
        } || isFromPart(before: first, in: statement, text: text)
    }

    /// "von 21 mm auf 25 mm": the measurement after "von" when an "auf" follows.
    private func isFromPart(before first: Int, in statement: Statement, text: FoldedText) -> Bool {
        guard first - 1 >= statement.tokens.lowerBound, Self.fromWords.contains(tokenAt: first - 1, in: text) else { return false }
        return (first + 1..<min(first + 5, statement.tokens.upperBound)).contains { Self.toWords.contains(tokenAt: $0, in: text) }
    }

    /// "von 21 auf 25 mm" / "from 21 to 25 mm": a bare number after "von"/"from" is the prior, in the current measurement's unit.
    private func fromToPrior(
        before first: Int,
        measurement: Measurement,
        in statement: Statement,
        text: FoldedText
    ) -> (millimeters: Double, evidence: TextEvidence)? {
        let toIndex = first - 1
        guard toIndex - 2 >= statement.tokens.lowerBound, Self.toWords.contains(tokenAt: toIndex, in: text),
            let millimeters = measurement.millimeters?.first, let value = measurement.values.first, value > 0
        else { return nil }
        for fromIndex in max(statement.tokens.lowerBound, toIndex - 4)..<(toIndex - 1) where Self.fromWords.contains(tokenAt: fromIndex, in: text) {
            guard let prior = text.number(at: fromIndex + 1), prior.lastToken == toIndex - 1 else { continue }
            return (
                prior.value * millimeters / value,
                TextEvidence(
                    text: text.string(tokens: fromIndex + 1, through: prior.lastToken),
                    span: text.span(tokens: fromIndex + 1, through: prior.lastToken)
                )
            )
        }
        return nil
    }

    // MARK: - Response and new lesions

    private func responseStatements(in input: AgentInput) -> [ResponseStatement] {
        let text = input.text
        var statements: [ResponseStatement] = []
        for range in input.readableRanges {
            var index = range.lowerBound
            while index < range.upperBound {
                guard let match = Self.responseWords.match(at: index, in: text) else {
                    index += 1
                    continue
                }
                let last = index + match.tokenCount - 1
                if !input.negation.isNegated(first: index, last: last) {
                    statements.append(
                        ResponseStatement(
                            term: match.value,
                            text: text.string(tokens: index, through: last),
                            span: text.span(tokens: index, through: last)
                        )
                    )
                }
                index = last + 1
            }
        }
        return statements
    }

    /// Statements where "neu"/"new" and a lesion word share a clause and are not negated ("keine neuen Läsionen").
    private func newLesions(in input: AgentInput) -> [TextEvidence] {
        let text = input.text
        return input.statements.compactMap { statement in
            guard statement.assertion != .absent else { return nil }
            let hasNewLesion = statement.tokens.contains { index in
                guard Self.newWords.contains(tokenAt: index, in: text), !input.negation.isNegated(first: index, last: index) else { return false }
                let clause = text.tokens[index].clause
                return statement.tokens.contains { text.tokens[$0].clause == clause && Self.lesionWords.contains(tokenAt: $0, in: text) }
            }
            return hasNewLesion ? TextEvidence(text: input.string(statement.span), span: statement.span) : nil
        }
    }
}
