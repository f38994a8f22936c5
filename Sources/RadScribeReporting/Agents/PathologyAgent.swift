import RadScribeCore

/// Extracts specimen, grade, resection margin and TNM classification.
///
/// Specimen: the first sentence of a "Präparat:"/"Material:"/"Specimen:" section, else the first sentence that names a
/// specimen ("Stanzbiopsie", "Resektat", "Mastektomie", "core biopsy"). Grade: "G1"–"G4"/"GX", "Grad II", "grade 3",
/// or the differentiation ("mäßig differenziert" → G2, "poorly differentiated" → G3). Margin: "R0"/"R1"/"R2"/"RX" or
/// words ("Resektionsränder tumorfrei", "im Gesunden", "margins negative" → R0; "Resektionsrand tumorinfiltriert",
/// "positive margin" → R1); written codes win over words. TNM: a T component with a prefix ("pT2", "ypT1c") or with
/// N/M components after it ("T2 N1 M0", "pT2pN1a(2/14)cM0"); a bare "T1"/"T2" is an MRI sequence, not a stage.
struct PathologyAgent: ExamAgent {
    let examType = ExamType.pathology

    private static let specimenTitles = PhraseTable<Void>(words: [
        "präparat", "präparate", "material", "untersuchungsgut", "einsendung", "eingesandtes material", "specimen", "specimens",
    ])
    private static let specimenWords = PhraseTable<Void>(words: [
        "stanzbiopsie*", "biopsie*", "biopsat*", "resektat*", "exzisat*", "präparat*", "*ektomie*", "*ektomiepräparat*", "konisat*",
        "stanzzylinder*", "specimen*", "biopsy", "biopsies", "core biopsy", "excision", "resection", "*ectomy", "*ectomies",
    ])

    private static let grades = PhraseTable<TumorGrade>(
        entries: [
            ("g1", .g1), ("g2", .g2), ("g3", .g3), ("g4", .g4), ("gx", .gx), ("gut differenziert*", .g1), ("well differentiated", .g1),
            ("well-differentiated", .g1), ("mäßig differenziert*", .g2), ("mäßiggradig differenziert*", .g2),
            ("mittelgradig differenziert*", .g2), ("moderately differentiated", .g2), ("schlecht differenziert*", .g3),
            ("gering differenziert*", .g3), ("wenig differenziert*", .g3), ("niedrig differenziert*", .g3),
            ("poorly differentiated", .g3), ("undifferenziert*", .g4), ("undifferentiated", .g4),
        ]
    )
    private static let gradeLabels = PhraseTable<Void>(words: ["grad", "grade", "grading", "who-grad", "who grade"])
    private static let gradeNumbers: [String: TumorGrade] = [
        "1": .g1, "2": .g2, "3": .g3, "4": .g4, "i": .g1, "ii": .g2, "iii": .g3, "iv": .g4, "x": .gx,
    ]

    private static let margins = PhraseTable<ResectionMargin>(
        entries: [
            ("r0", .r0), ("r1", .r1), ("r2", .r2), ("rx", .rx),
        ]
            + [
                "resektionsrand frei", "resektionsränder frei", "resektionsrand tumorfrei", "resektionsränder tumorfrei",
                "tumorfreie* resektionsränder", "tumorfreie* resektionsrand*", "freie* resektionsränder", "freie* resektionsrand*",
                "im gesunden", "in sano", "margins negative", "margin negative", "negative margin", "negative margins", "margins free",
                "margins clear", "clear margins", "margins are negative", "margins are free", "margins are clear", "margin-negative",
                "tumor-free margins",
            ].map { ($0, ResectionMargin.r0) }
            + [
                "resektionsrand tumorinfiltriert*", "resektionsränder tumorinfiltriert*", "resektionsrand nicht frei",
                "resektionsränder nicht frei", "tumor am resektionsrand", "tumorinfiltriert* resektionsrand*", "positive margin",
                "positive margins", "margins positive", "margin positive", "margins are positive", "involved margin", "involved margins",
                "margins involved", "tumor at the margin", "tumor at the inked margin",
            ].map { ($0, ResectionMargin.r1) }
    )

    func extract(from input: AgentInput, into data: inout ExamData) {
        var pathology = PathologyData(specimen: specimen(in: input))
        let text = input.text
        var gradeWords: TumorGrading?
        var marginWords: MarginAssessment?
        for range in input.readableRanges {
            var index = range.lowerBound
            while index < range.upperBound {
                // The formula's own G and R components ("pT3 pN1 G2 R0") are read below like free-standing ones.
                if pathology.tnm == nil, let tnm = TNMReader.classification(at: index, in: text, range: range) {
                    pathology.tnm = tnm
                }
                if let grading = grading(at: index, in: text, range: range) {
                    if grading.isCode { pathology.grading = pathology.grading ?? grading.value } else { gradeWords = gradeWords ?? grading.value }
                } else if let match = Self.margins.match(at: index, in: text),
                    !input.negation.isNegated(first: index, last: index + match.tokenCount - 1)
                {
                    let last = index + match.tokenCount - 1
                    let margin = MarginAssessment(
                        status: match.value,
                        text: text.string(tokens: index, through: last),
                        span: text.span(tokens: index, through: last)
                    )
                    if match.tokenCount == 1 { pathology.margin = pathology.margin ?? margin } else { marginWords = marginWords ?? margin }
                }
                index += 1
            }
        }
        pathology.grading = pathology.grading ?? gradeWords
        pathology.margin = pathology.margin ?? marginWords
        data.pathology = pathology
    }

    private func specimen(in input: AgentInput) -> TextEvidence? {
        for section in input.sections where section.kind == .other && !section.text.isEmpty {
            let title = FoldedText(section.title ?? "")
            guard !title.tokens.isEmpty, Self.specimenTitles.match(at: 0, in: title)?.tokenCount == title.tokens.count else { continue }
            let tokens = AgentInput.tokenRange(of: section.span, in: input.text)
            guard let first = tokens.first else { continue }
            let sentence = input.text.tokens[first].sentence
            let last = tokens.last { input.text.tokens[$0].sentence == sentence } ?? first
            return input.evidence(tokens: first, through: last)
        }
        let statement = input.statements.first { statement in
            statement.tokens.contains { Self.specimenWords.contains(tokenAt: $0, in: input.text) }
        }
        return statement.map { TextEvidence(text: input.string($0.span), span: $0.span) }
    }

    /// A grade code ("G2", "Grad II") or differentiation words at `index`.
    private func grading(at index: Int, in text: FoldedText, range: Range<Int>) -> (value: TumorGrading, isCode: Bool)? {
        if let match = Self.grades.match(at: index, in: text) {
            let last = index + match.tokenCount - 1
            return (
                TumorGrading(grade: match.value, text: text.string(tokens: index, through: last), span: text.span(tokens: index, through: last)),
                match.tokenCount == 1
            )
        }
        guard let label = Self.gradeLabels.match(at: index, in: text) else { return nil }
        let valueIndex = index + label.tokenCount
        guard valueIndex < range.upperBound, text.tokens[valueIndex].sentence == text.tokens[index].sentence else { return nil }
        let token = text.tokens[valueIndex]
        guard token.length <= 3, let grade = Self.gradeNumbers[text.string(token.start, token.end).lowercased()] else { return nil }
        return (
            TumorGrading(grade: grade, text: text.string(tokens: index, through: valueIndex), span: text.span(tokens: index, through: valueIndex)),
            true
        )
    }
}

/// Reads TNM formulas token by token: components are optional prefixes (y, r, a, c, p, u), the letter T, N or M, a value
/// (0–4, "is", "x") and an optional sub-letter (a–d), or "mi"; several may share a token ("T2N1M0"). L, V, Pn, R and G
/// components and a bracketed node count ("(2/14)") may stand between them.
enum TNMReader {
    private enum Component: Equatable {
        case tumor
        case nodes
        case metastasis
        /// L, V, Pn, R, G: allowed inside a formula, not reported here.
        case other
    }

    /// The formula that starts with a T component at token `index`.
    static func classification(at index: Int, in text: FoldedText, range: Range<Int>) -> TNMClassification? {
        guard let first = components(of: index, in: text), first.contains(where: { $0.kind == .tumor }) else { return nil }
        var found = first
        var last = index
        let sentence = text.tokens[index].sentence
        var cursor = index + 1
        while cursor < range.upperBound, text.tokens[cursor].sentence == sentence {
            if isInsideBrackets(cursor, in: text) {
                cursor += 1
                continue
            }
            guard let more = components(of: cursor, in: text) else { break }
            found += more
            last = cursor
            cursor += 1
        }
        guard let tumor = found.first(where: { $0.kind == .tumor }) else { return nil }
        let nodes = found.first { $0.kind == .nodes }
        let metastasis = found.first { $0.kind == .metastasis }
        guard tumor.hasPrefix || nodes != nil || metastasis != nil else { return nil }
        return TNMClassification(
            tumor: text.string(tumor.start, tumor.end),
            nodes: nodes.map { text.string($0.start, $0.end) },
            metastasis: metastasis.map { text.string($0.start, $0.end) },
            text: text.string(tokens: index, through: last),
            span: text.span(tokens: index, through: last)
        )
    }

    private struct Parsed {
        var kind: Component
        var start: Int
        var end: Int
        var hasPrefix: Bool
    }

    /// The components that make up the whole token at `index`, or `nil` when it is not all TNM.
    private static func components(of index: Int, in text: FoldedText) -> [Parsed]? {
        let token = text.tokens[index]
        var position = token.start
        var parsed: [Parsed] = []
        while position < token.end {
            guard let component = stageComponent(in: text, at: position, end: token.end) ?? otherComponent(in: text, at: position, end: token.end)
            else { return nil }
            parsed.append(component)
            position = component.end
        }
        return parsed.isEmpty ? nil : parsed
    }

    /// A T, N or M component with up to three prefixes ("ypT1c", "pN0", "cM0"); "Pn0" (capital P, small n) is perineural invasion.
    private static func stageComponent(in text: FoldedText, at start: Int, end: Int) -> Parsed? {
        let units = text.units
        for prefixLength in 0...3 {
            let kindPosition = start + prefixLength
            guard kindPosition < end else { return nil }
            if prefixLength > 0 && !isPrefix(units[kindPosition - 1]) { return nil }
            let kind: Component
            switch units[kindPosition] {
            case 0x74: kind = .tumor
            case 0x6E: kind = .nodes
            case 0x6D: kind = .metastasis
            default: continue
            }
            let isPerineural =
                kind == .nodes && prefixLength == 1 && text.original[start] == 0x50 && text.original[kindPosition] == 0x6E
            guard !isPerineural, let valueEnd = valueEnd(units, from: kindPosition + 1, end: end, kind: kind) else { continue }
            return Parsed(kind: kind, start: start, end: valueEnd, hasPrefix: prefixLength > 0)
        }
        return nil
    }

    /// L, V, Pn, R or G with a value ("L0", "V1", "Pn0", "R0", "G2").
    private static func otherComponent(in text: FoldedText, at start: Int, end: Int) -> Parsed? {
        let units = text.units
        var valueStart = start + 1
        switch units[start] {
        case 0x6C, 0x76, 0x72, 0x67: break  // l, v, r, g
        case 0x70 where start + 1 < end && units[start + 1] == 0x6E: valueStart = start + 2  // pn
        default: return nil
        }
        guard let valueEnd = valueEnd(units, from: valueStart, end: end, kind: .other) else { return nil }
        return Parsed(kind: .other, start: start, end: valueEnd, hasPrefix: false)
    }

    private static func isPrefix(_ unit: UInt16) -> Bool {
        // y, r, a, c, p, u
        unit == 0x79 || unit == 0x72 || unit == 0x61 || unit == 0x63 || unit == 0x70 || unit == 0x75
    }

    /// The end of a component's value: a digit 0–4, "x", or "is" (T only), then an optional a–d or "mi".
    private static func valueEnd(_ units: [UInt16], from position: Int, end: Int, kind: Component) -> Int? {
        guard position < end else { return nil }
        var cursor = position
        let unit = units[cursor]
        if unit >= CodeUnit.zero && unit <= 0x34 || unit == 0x78 {
            cursor += 1
        } else if kind == .tumor, unit == 0x69, cursor + 1 < end, units[cursor + 1] == 0x73 {
            cursor += 2
        } else {
            return nil
        }
        if cursor + 1 < end, units[cursor] == 0x6D, units[cursor + 1] == 0x69 {
            cursor += 2
        } else if cursor < end, units[cursor] >= 0x61, units[cursor] <= 0x64 {
            cursor += 1
        }
        return cursor
    }

    private static func isInsideBrackets(_ index: Int, in text: FoldedText) -> Bool {
        let before = text.lastNonBlank(before: text.tokens[index].start)
        guard before >= 0 else { return false }
        let unit = text.units[before]
        return unit == CodeUnit.openParenthesis || (unit == CodeUnit.slash && text.tokens[index].isNumber)
    }
}
