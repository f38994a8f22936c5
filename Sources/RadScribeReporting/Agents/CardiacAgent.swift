import RadScribeCore

/// Extracts the LV ejection fraction, the Agatston score and regional wall motion with its segment.
///
/// LVEF: a cue ("LVEF", "EF", "Ejektionsfraktion", "ejection fraction") and the first number within six words of the
/// same sentence, 1–100, with a range's upper bound ("55–60 %"). Agatston: a cue ("Agatston", "Kalkscore", "calcium
/// score") and a number after it (thousands separators allowed: "1.234") or just before it ("350 Agatston-Einheiten").
/// Wall motion: the motion words with the segment words of their clause ("Hypokinesie der basalen Hinterwand" →
/// hypokinetic, "basal inferior"); a negated wall motion abnormality ("keine regionalen Wandbewegungsstörungen") is
/// global normokinesia.
struct CardiacAgent: ExamAgent {
    let examType = ExamType.cardiac

    private static let efCues = PhraseTable<Void>(words: [
        "lvef", "lv-ef", "ef", "ejektionsfraktion", "ejection fraction", "linksventrikuläre* ejektionsfraktion", "lv ejection fraction",
        "left ventricular ejection fraction", "auswurffraktion",
    ])
    private static let agatstonCues = PhraseTable<Void>(words: [
        "agatston", "agatston-score", "agatston score", "kalkscore", "kalziumscore", "calcium score", "coronary calcium score",
        "coronary artery calcium score", "cac score", "cac",
    ])
    private static let rangeWords = PhraseTable<Void>(words: ["bis", "to"])
    private static let percentWords = PhraseTable<Void>(words: ["prozent", "percent"])

    private enum MotionWord: Sendable {
        case motion(WallMotion)
        /// "Wandbewegungsstörung": normokinesia when negated, nothing otherwise.
        case abnormality
    }

    private static let motionWords = PhraseTable<MotionWord>(
        entries: [
            (
                MotionWord.motion(.normokinetic),
                [
                    "normokinetisch*", "normokinesie*", "normokinetic", "normokinesis", "regelrecht* wandbewegung*", "normal wall motion",
                    "normale* wandbewegung*",
                ]
            ),
            (.motion(.hypokinetic), ["hypokinetisch*", "hypokinesie*", "hypokinetic", "hypokinesia", "hypokinesis"]),
            (.motion(.akinetic), ["akinetisch*", "akinesie*", "akinetic", "akinesia", "akinesis"]),
            (.motion(.dyskinetic), ["dyskinetisch*", "dyskinesie*", "dyskinetic", "dyskinesia", "dyskinesis"]),
            (
                .abnormality,
                [
                    "wandbewegungsstörung*", "regional* wandbewegungsstörung*", "wall motion abnormality", "wall motion abnormalities",
                    "regional wall motion abnormality", "regional wall motion abnormalities",
                ]
            ),
        ].flatMap { word, phrases in phrases.map { ($0, word) } }
    )

    private enum SegmentWord: Sendable {
        case level(String)
        case wall(String)
    }

    private static let segmentWords = PhraseTable<SegmentWord>(
        entries: [
            (SegmentWord.level("basal"), ["basal*"]),
            (.level("mid"), ["mittventrikulär*", "midventrikulär*", "mid-ventricular", "midventricular", "mid"]),
            (.level("apical"), ["apikal*", "apical", "apex", "herzspitze", "spitze"]),
            (.level("global"), ["global*", "globally", "diffus*", "diffuse", "diffusely"]),
            (.wall("anteroseptal"), ["anteroseptal*"]), (.wall("inferoseptal"), ["inferoseptal*"]),
            (.wall("anterolateral"), ["anterolateral*"]), (.wall("inferolateral"), ["inferolateral*", "posterolateral*", "posterior*"]),
            (.wall("anterior"), ["anterior*", "vorderwand*"]), (.wall("inferior"), ["inferior*", "hinterwand*", "unterwand*", "diaphragmal*"]),
            (.wall("lateral"), ["lateral*", "seitenwand*"]), (.wall("septal"), ["septal*", "septum", "septums"]),
        ].flatMap { word, phrases in phrases.map { ($0, word) } }
    )

    func extract(from input: AgentInput, into data: inout ExamData) {
        var cardiac = CardiacData()
        let text = input.text
        for range in input.readableRanges {
            var index = range.lowerBound
            while index < range.upperBound {
                if cardiac.lvef == nil, let cue = Self.efCues.match(at: index, in: text),
                    let ef = ejectionFraction(cue: index, count: cue.tokenCount, in: text)
                {
                    cardiac.lvef = ef
                } else if cardiac.agatstonScore == nil, let cue = Self.agatstonCues.match(at: index, in: text),
                    let score = agatston(cue: index, count: cue.tokenCount, in: text)
                {
                    cardiac.agatstonScore = score
                } else if let match = Self.motionWords.match(at: index, in: text),
                    let finding = wallMotion(match.value, at: index, count: match.tokenCount, input: input, range: range),
                    !cardiac.wallMotion.contains(where: { $0.motion == finding.motion && $0.segment == finding.segment })
                {
                    cardiac.wallMotion.append(finding)
                }
                index += 1
            }
        }
        data.cardiac = cardiac
    }

    // MARK: - Values

    private func ejectionFraction(cue: Int, count: Int, in text: FoldedText) -> EjectionFraction? {
        guard let value = number(after: cue + count - 1, in: text), value.value > 0, value.value <= 100 else { return nil }
        var last = value.lastToken
        var upper: Double?
        if let bound = rangeBound(after: last, in: text), bound.value > value.value, bound.value <= 100 {
            upper = bound.value
            last = bound.lastToken
        }
        var end = text.tokens[last].end
        let afterNumber = text.skipBlanks(from: end)
        if afterNumber < text.units.count, text.units[afterNumber] == CodeUnit.percent {
            end = afterNumber + 1
        } else if last + 1 < text.tokens.count, Self.percentWords.contains(tokenAt: last + 1, in: text) {
            end = text.tokens[last + 1].end
        }
        let span = TextSpan(start: text.tokens[cue].start, end: end)
        return EjectionFraction(percent: value.value, upperPercent: upper, text: text.string(span.start, span.end), span: span)
    }

    /// The upper bound of "55-60" or "35 bis 40" / "35 to 40" after the number at `index`.
    private func rangeBound(after index: Int, in text: FoldedText) -> (value: Double, lastToken: Int)? {
        let next = index + 1
        guard next < text.tokens.count else { return nil }
        let gap = text.tokens[index].end..<text.tokens[next].start
        let isDashGap =
            gap.count <= 3 && gap.contains { CodeUnit.isDash(text.units[$0]) }
            && gap.allSatisfy { CodeUnit.isDash(text.units[$0]) || CodeUnit.isBlank(text.units[$0]) }
        if isDashGap { return text.number(at: next) }
        guard next + 1 < text.tokens.count, Self.rangeWords.contains(tokenAt: next, in: text) else { return nil }
        return text.number(at: next + 1)
    }

    private func agatston(cue: Int, count: Int, in text: FoldedText) -> AgatstonScore? {
        if let value = integer(after: cue + count - 1, in: text) {
            return AgatstonScore(
                value: value.value,
                text: text.string(tokens: cue, through: value.lastToken),
                span: text.span(tokens: cue, through: value.lastToken)
            )
        }
        guard cue > 0, text.tokens[cue - 1].isNumber, text.tokens[cue - 1].sentence == text.tokens[cue].sentence,
            let value = text.number(at: cue - 1)
        else { return nil }
        return AgatstonScore(
            value: value.value,
            text: text.string(tokens: cue - 1, through: cue + count - 1),
            span: text.span(tokens: cue - 1, through: cue + count - 1)
        )
    }

    /// The first number within six tokens after `index`, in the same sentence.
    private func number(after index: Int, in text: FoldedText) -> (value: Double, lastToken: Int)? {
        let sentence = text.tokens[index].sentence
        var cursor = index + 1
        while cursor < text.tokens.count, cursor <= index + 6, text.tokens[cursor].sentence == sentence {
            if text.tokens[cursor].isNumber { return text.number(at: cursor) }
            cursor += 1
        }
        return nil
    }

    /// Like `number(after:in:)`, but reads "1.234" and "1,234" as one integer (a score has no decimals).
    private func integer(after index: Int, in text: FoldedText) -> (value: Double, lastToken: Int)? {
        guard let found = number(after: index, in: text) else { return nil }
        let fraction = text.tokens[found.lastToken]
        guard found.lastToken > 0, found.value != found.value.rounded(), fraction.length == 3 else { return found }
        let whole = text.tokens[found.lastToken - 1]
        return (Double(text.string(whole.start, whole.end) + text.string(fraction.start, fraction.end)) ?? found.value, found.lastToken)
    }

    // MARK: - Wall motion

    private func wallMotion(_ word: MotionWord, at index: Int, count: Int, input: AgentInput, range: Range<Int>) -> WallMotionFinding? {
        let text = input.text
        let last = index + count - 1
        let negated = input.negation.isNegated(first: index, last: last)
        let motion: WallMotion
        var segment: String?
        switch (word, negated) {
        case (.motion(let value), false):
            motion = value
            segment = self.segment(around: index, in: text, range: range)
        case (.abnormality, true):
            motion = .normokinetic
            segment = "global"
        default:
            return nil
        }
        return WallMotionFinding(
            motion: motion,
            segment: segment,
            text: text.string(tokens: index, through: last),
            span: text.span(tokens: index, through: last)
        )
    }

    /// "basal inferior", "apical", "mid anterior, septal": the level and walls named in the clause.
    private func segment(around index: Int, in text: FoldedText, range: Range<Int>) -> String? {
        let clause = text.tokens[index].clause
        var level: String?
        var walls: [String] = []
        var cursor = index
        while cursor > range.lowerBound, text.tokens[cursor - 1].clause == clause { cursor -= 1 }
        while cursor < range.upperBound, text.tokens[cursor].clause == clause {
            switch Self.segmentWords.match(at: cursor, in: text)?.value {
            case .level(let name): level = level ?? name
            case .wall(let name) where !walls.contains(name): walls.append(name)
            default: break
            }
            cursor += 1
        }
        let parts = [level, walls.isEmpty ? nil : walls.joined(separator: ", ")].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
