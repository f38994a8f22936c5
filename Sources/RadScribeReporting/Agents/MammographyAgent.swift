import RadScribeCore

/// Extracts BI-RADS per side, ACR breast density and lesions with side, quadrant, clock position, size and nipple distance.
///
/// BI-RADS: "BI-RADS 4a rechts", "BI-RADS-Kategorie 2 beidseits", "BI-RADS rechts 4, links 2", "Links: BI-RADS 1",
/// Roman numerals included. The side comes from the words right after the category, then from the words between
/// "BI-RADS" and the category, then from the nearest side word before it in the sentence; none means the exam as a whole.
/// Density: "ACR Typ C", "ACR c", old "ACR 3", "density category B", "Dichte: b", and the descriptions
/// ("heterogeneously dense" → c, "überwiegend lipomatös" → a). Lesions: non-negated sentences naming a lesion
/// ("Herd", "Rundherd", "mass", "Mikrokalk", "Architekturstörung"); a lesion without a side word takes the last side
/// named before it in its section ("Rechte Mamma: … Herd bei 10 Uhr").
struct MammographyAgent: ExamAgent {
    let examType = ExamType.mammography

    func extract(from input: AgentInput, into data: inout ExamData) {
        var mammography = MammographyData()
        for range in input.readableRanges {
            var index = range.lowerBound
            while index < range.upperBound {
                if let found = biRads(at: index, in: input, range: range) {
                    for assessment in found.assessments
                    where !mammography.assessments.contains(where: { $0.side == assessment.side && $0.category == assessment.category }) {
                        mammography.assessments.append(assessment)
                    }
                    index = found.lastToken + 1
                    continue
                }
                if mammography.density == nil, let density = density(at: index, in: input) {
                    mammography.density = density
                }
                index += 1
            }
        }
        mammography.lesions = lesions(in: input)
        for lesion in mammography.lesions {
            if let size = lesion.size { data.record(size, subject: "breast_lesion", by: examType) }
            if let distance = lesion.distanceFromNipple { data.record(distance, subject: "nipple_distance", by: examType) }
        }
        data.mammography = mammography
    }

    // MARK: - BI-RADS

    private static let biRadsWords = PhraseTable<Void>(words: ["bi-rads", "birads", "bi rads"])
    private static let categoryWords = PhraseTable<Void>(words: ["kategorie", "category", "klasse", "class", "typ", "type"])
    private static let joiners = PhraseTable<Void>(words: ["und", "and", "sowie"])
    private static let categories: [String: BiRadsCategory] = [
        "0": .incomplete, "1": .negative, "2": .benign, "3": .probablyBenign, "4": .suspicious, "4a": .lowSuspicion,
        "4b": .moderateSuspicion, "4c": .highSuspicion, "5": .highlySuggestive, "6": .knownMalignancy, "i": .negative, "ii": .benign,
        "iii": .probablyBenign, "iv": .suspicious, "iva": .lowSuspicion, "ivb": .moderateSuspicion, "ivc": .highSuspicion,
        "v": .highlySuggestive, "vi": .knownMalignancy,
    ]

    private func biRads(at index: Int, in input: AgentInput, range: Range<Int>) -> (assessments: [BiRadsAssessment], lastToken: Int)? {
        let text = input.text
        guard let phrase = Self.biRadsWords.match(at: index, in: text) else { return nil }
        let sentence = text.tokens[index].sentence
        var cursor = index + phrase.tokenCount
        var sideBefore: Laterality?
        while cursor < range.upperBound, cursor < index + phrase.tokenCount + 3, text.tokens[cursor].sentence == sentence,
            category(at: cursor, in: text) == nil
        {
            if let side = SideVocabulary.side(at: cursor, in: text) {
                sideBefore = side.side
                cursor += side.tokenCount
            } else if Self.categoryWords.contains(tokenAt: cursor, in: text) {
                cursor += 1
            } else {
                return nil
            }
        }
        guard cursor < range.upperBound, let firstCategory = category(at: cursor, in: text) else { return nil }
        var assessments: [BiRadsAssessment] = []
        var last = cursor
        let sideAfter = side(after: cursor, in: text, range: range)
        let side = sideAfter?.side ?? sideBefore ?? nearestSideBefore(index, in: text, range: range)
        if let sideAfter { last = sideAfter.lastToken }
        assessments.append(assessment(firstCategory, side: side, tokens: index...last, in: text))
        // Further side/category pairs: "BI-RADS rechts 4, links 2", "BI-RADS 4 rechts und 1 links".
        while let next = continuation(after: last, in: text, range: range, sentence: sentence) {
            assessments.append(assessment(next.category, side: next.side, tokens: next.tokens, in: text))
            last = next.tokens.upperBound
        }
        return (assessments, last)
    }

    private func category(at index: Int, in text: FoldedText) -> BiRadsCategory? {
        let token = text.tokens[index]
        guard token.length <= 3 else { return nil }
        return Self.categories[text.string(token.start, token.end).lowercased()]
    }

    private func side(after index: Int, in text: FoldedText, range: Range<Int>) -> (side: Laterality, lastToken: Int)? {
        let next = index + 1
        guard next < range.upperBound, text.tokens[next].clause == text.tokens[index].clause,
            let found = SideVocabulary.side(at: next, in: text)
        else { return nil }
        return (found.side, next + found.tokenCount - 1)
    }

    private func nearestSideBefore(_ index: Int, in text: FoldedText, range: Range<Int>) -> Laterality? {
        let sentence = text.tokens[index].sentence
        var cursor = index - 1
        while cursor >= range.lowerBound, text.tokens[cursor].sentence == sentence {
            if let found = SideVocabulary.side(at: cursor, in: text) { return found.side }
            cursor -= 1
        }
        return nil
    }

    private func continuation(
        after last: Int,
        in text: FoldedText,
        range: Range<Int>,
        sentence: Int
    ) -> (category: BiRadsCategory, side: Laterality, tokens: ClosedRange<Int>)? {
        var cursor = last + 1
        if cursor < range.upperBound, Self.joiners.contains(tokenAt: cursor, in: text) { cursor += 1 }
        guard cursor + 1 < range.upperBound, text.tokens[cursor + 1].sentence == sentence else { return nil }
        if let side = SideVocabulary.side(at: cursor, in: text), cursor + side.tokenCount < range.upperBound,
            let category = category(at: cursor + side.tokenCount, in: text)
        {
            return (category, side.side, cursor...(cursor + side.tokenCount))
        }
        if let category = category(at: cursor, in: text), let side = SideVocabulary.side(at: cursor + 1, in: text) {
            return (category, side.side, cursor...(cursor + side.tokenCount))
        }
        return nil
    }

    private func assessment(_ category: BiRadsCategory, side: Laterality?, tokens: ClosedRange<Int>, in text: FoldedText) -> BiRadsAssessment {
        BiRadsAssessment(
            side: side,
            category: category,
            text: text.string(tokens: tokens.lowerBound, through: tokens.upperBound),
            span: text.span(tokens: tokens.lowerBound, through: tokens.upperBound)
        )
    }

    // MARK: - Density

    private enum DensityCue: Sendable {
        /// "ACR" or a density word: a category letter or number follows.
        case label
        /// A description that is itself the category.
        case description(BreastDensity)
    }

    private static let densityCues = PhraseTable<DensityCue>(
        entries: [
            ("acr", .label), ("dichte", .label), ("parenchymdichte", .label), ("brustdichte", .label), ("drüsendichte", .label),
            ("dichtetyp", .label), ("density", .label), ("breast density", .label), ("breast composition", .label),
            ("composition", .label), ("almost entirely fatty", .description(.a)), ("entirely fatty", .description(.a)),
            ("predominantly fatty", .description(.a)), ("überwiegend lipomatös*", .description(.a)),
            ("scattered fibroglandular", .description(.b)), ("scattered areas of fibroglandular", .description(.b)),
            ("zerstreut* fibroglandulär*", .description(.b)), ("vereinzelt* fibroglandulär*", .description(.b)),
            ("gestreut* fibroglandulär*", .description(.b)), ("heterogeneously dense", .description(.c)),
            ("heterogeneous dense", .description(.c)), ("heterogen* dicht*", .description(.c)), ("inhomogen* dicht*", .description(.c)),
            ("extremely dense", .description(.d)), ("extrem dicht*", .description(.d)), ("sehr dicht*", .description(.d)),
        ]
    )
    private static let densityFillers = PhraseTable<Void>(words: [
        "typ", "type", "kategorie", "category", "grad", "nach", "acr", "dichte", "density",
    ])
    private static let densityValues: [String: BreastDensity] = [
        "a": .a, "b": .b, "c": .c, "d": .d, "1": .a, "2": .b, "3": .c, "4": .d, "i": .a, "ii": .b, "iii": .c, "iv": .d,
    ]

    private func density(at index: Int, in input: AgentInput) -> BreastDensityAssessment? {
        let text = input.text
        guard let cue = Self.densityCues.match(at: index, in: text) else { return nil }
        var last = index + cue.tokenCount - 1
        switch cue.value {
        case .description(let category):
            return BreastDensityAssessment(
                category: category,
                text: text.string(tokens: index, through: last),
                span: text.span(tokens: index, through: last)
            )
        case .label:
            var cursor = last + 1
            while cursor < text.tokens.count, cursor <= last + 3, text.tokens[cursor].sentence == text.tokens[index].sentence {
                let token = text.tokens[cursor]
                if token.length <= 3, let category = Self.densityValues[text.string(token.start, token.end).lowercased()] {
                    last = cursor
                    return BreastDensityAssessment(
                        category: category,
                        text: text.string(tokens: index, through: last),
                        span: text.span(tokens: index, through: last)
                    )
                }
                guard Self.densityFillers.contains(tokenAt: cursor, in: text) else { return nil }
                cursor += 1
            }
            return nil
        }
    }

    // MARK: - Lesions

    private static let lesionWords = PhraseTable<Void>(words: [
        "herd*", "herdbefund*", "rundherd*", "läsion*", "raumforderung*", "verdichtung*", "knoten", "asymmetrie*", "mikrokalk*",
        "mikroverkalkung*", "verkalkung*", "kalzifikation*", "mikrokalzifikation*", "architekturstörung*", "zyste*", "fibroadenom*",
        "mass", "masses", "lesion*", "nodule*", "asymmetry", "asymmetries", "calcification*", "microcalcification*",
        "architectural distortion", "distortion", "cyst*", "fibroadenoma*", "focus", "foci",
    ])
    private static let nippleWords = PhraseTable<Void>(words: ["mamille*", "nipple", "brustwarze*", "areola"])
    private static let distanceWords = PhraseTable<Void>(words: ["mamillenabstand", "abstand", "distance", "fn", "mamillendistanz"])
    private static let clockWords = PhraseTable<Void>(words: ["uhr", "o'clock", "oclock", "o clock", "uhr-position"])

    private func lesions(in input: AgentInput) -> [BreastLesion] {
        let text = input.text
        var lesions: [BreastLesion] = []
        var carriedSide: Laterality?
        var carriedSection: SectionKind?
        for statement in input.statements {
            if statement.section != carriedSection {
                carriedSide = nil
                carriedSection = statement.section
            }
            let lesionWord = statement.tokens.first { index in
                Self.lesionWords.contains(tokenAt: index, in: text) && !input.negation.isNegated(first: index, last: index)
            }
            let namedSide =
                lesionWord.flatMap { SideVocabulary.nearestSide(to: $0, in: statement.tokens, of: text) }
                ?? statement.tokens.lazy.compactMap { SideVocabulary.side(at: $0, in: text)?.side }.first
            defer { carriedSide = namedSide ?? carriedSide }
            guard lesionWord != nil, statement.assertion != .absent else { continue }
            let distance = nippleDistance(in: statement, text: text)
            let lesion = BreastLesion(
                side: namedSide ?? carriedSide,
                quadrant: BreastQuadrantReader.quadrant(in: statement.tokens, of: text, language: input.language),
                clockPosition: clockPosition(in: statement.tokens, of: text),
                size: statement.measurements.first { $0.millimeters != nil && $0.span != distance?.span },
                distanceFromNipple: distance,
                text: input.string(statement.span),
                span: statement.span
            )
            if let index = lesions.firstIndex(where: { Self.isSameLesion($0, lesion) }) {
                lesions[index].size = lesions[index].size ?? lesion.size
                lesions[index].distanceFromNipple = lesions[index].distanceFromNipple ?? lesion.distanceFromNipple
                lesions[index].quadrant = lesions[index].quadrant ?? lesion.quadrant
            } else {
                lesions.append(lesion)
            }
        }
        return lesions
    }

    /// The impression often repeats a lesion of the findings: same side and clock position (or quadrant when neither has one).
    private static func isSameLesion(_ lhs: BreastLesion, _ rhs: BreastLesion) -> Bool {
        guard lhs.side == rhs.side else { return false }
        if let left = lhs.clockPosition, let right = rhs.clockPosition { return left == right }
        if lhs.clockPosition == nil, rhs.clockPosition == nil, let left = lhs.quadrant, let right = rhs.quadrant { return left == right }
        return false
    }

    /// A length measurement followed by a nipple word ("4 cm von der Mamille") or preceded by a distance word ("Mamillenabstand 4 cm").
    private func nippleDistance(in statement: Statement, text: FoldedText) -> Measurement? {
        statement.measurements.first { measurement in
            guard measurement.millimeters != nil else { return false }
            let tokens = AgentInput.tokenRange(of: measurement.span, in: text)
            guard let first = tokens.first, let last = tokens.last, statement.tokens.contains(first) else { return false }
            let clause = text.tokens[last].clause
            let after = (last + 1..<min(last + 5, statement.tokens.upperBound)).filter { text.tokens[$0].clause == clause }
            if after.contains(where: { Self.nippleWords.contains(tokenAt: $0, in: text) }) { return true }
            let before = max(statement.tokens.lowerBound, first - 3)..<first
            return before.contains { Self.distanceWords.contains(tokenAt: $0, in: text) }
        }
    }

    /// "bei 10 Uhr", "10-Uhr-Position", "at 2 o'clock", "10:30 Uhr" (hours).
    private func clockPosition(in tokens: Range<Int>, of text: FoldedText) -> Int? {
        for index in tokens where index > tokens.lowerBound && Self.clockWords.contains(tokenAt: index, in: text) {
            var hour = index - 1
            if hour > tokens.lowerBound, text.tokens[hour - 1].isNumber, text.units[text.tokens[hour - 1].end] == CodeUnit.colon {
                hour -= 1
            }
            if let value = text.number(at: hour)?.value, value >= 1, value <= 12, value == value.rounded() { return Int(value) }
        }
        return nil
    }
}

/// Reads a breast quadrant: abbreviations ("OAQ", "UOQ"), vertical and horizontal words near each other
/// ("oberer äußerer Quadrant", "upper outer", "oben außen"), and central or axillary regions.
enum BreastQuadrantReader {
    private enum Word: Sendable {
        case upper
        case lower
        case outer
        case inner
        case region(BreastQuadrant)
    }

    private static let words = PhraseTable<Word>(
        entries: [
            (Word.upper, ["ober*", "oben", "upper", "superior"]), (.lower, ["unter*", "unten", "lower", "inferior"]),
            (.outer, ["äußer*", "außen", "outer", "lateral*"]), (.inner, ["inner*", "innen", "inner", "medial*"]),
            (.region(.central), ["retromamillär*", "retroareolar", "subareolar", "mamillennah*", "zentral*", "central"]),
            (.region(.axillaryTail), ["axillary tail", "recessus axillaris", "axillär* ausläufer*", "tail of spence"]),
            (.region(.upperOuter), ["oaq", "uoq"]), (.region(.upperInner), ["oiq"]), (.region(.lowerOuter), ["uaq", "loq"]),
            (.region(.lowerInner), ["liq"]),
        ].flatMap { word, phrases in phrases.map { ($0, word) } }
    )

    /// The quadrant named in `tokens`.
    static func quadrant(in tokens: Range<Int>, of text: FoldedText, language: Language) -> BreastQuadrant? {
        var vertical: (Word, Int)?
        var horizontal: (Word, Int)?
        for index in tokens {
            // "UIQ" is upper inner in English but "unterer innerer Quadrant" in German.
            if text.token(index, is: "uiq") { return language == .de ? .lowerInner : .upperInner }
            guard let match = words.match(at: index, in: text) else { continue }
            switch match.value {
            case .region(let region): return region
            case .upper, .lower: vertical = (match.value, index)
            case .outer, .inner: horizontal = (match.value, index)
            }
            if let vertical, let horizontal, abs(vertical.1 - horizontal.1) <= 3 {
                switch (vertical.0, horizontal.0) {
                case (.upper, .outer): return .upperOuter
                case (.upper, .inner): return .upperInner
                case (.lower, .outer): return .lowerOuter
                case (.lower, .inner): return .lowerInner
                default: break
                }
            }
        }
        return nil
    }
}
