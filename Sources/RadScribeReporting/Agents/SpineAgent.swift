import RadScribeCore

/// Extracts per spinal level: disc findings, spinal canal stenosis and neuroforaminal stenosis with grade, qualifier and side.
///
/// The text is read clause by clause. A disc word makes a disc finding; a stenosis word ("Stenose", "Einengung",
/// "narrowing") makes a stenosis of the canal or the foramina that the clause names ("Spinalkanalstenose",
/// "Neuroforamina … eingeengt"; the canal when it names neither). Grade, qualifier, side and disc position come from
/// the same clause; a following clause with only a side and a grade continues a stenosis ("Neuroforamenstenose links
/// hochgradig, rechts mäßig"). Negated pathology ("kein Bandscheibenvorfall", "Spinalkanal nicht eingeengt") is not
/// reported. Levels: in a sentence that names the level first ("L4/5: Protrusion") a finding takes the nearest level
/// before it; in one that names the pathology first ("Bandscheibenvorfall L5/S1") the next level after it; a sentence
/// without a level takes the last level of the section ("LWK 4/5: Protrusion. Mäßige Spinalkanalstenose.").
struct SpineAgent: ExamAgent {
    let examType = ExamType.spineMRI

    func extract(from input: AgentInput, into data: inout ExamData) {
        var collector = SpineFindingCollector()
        for range in input.readableRanges {
            SpineSectionReader(input: input, range: range).read(into: &collector)
        }
        data.spine = SpineData(levels: collector.levels())
    }
}

/// The words of spine findings.
private enum SpineTerm: Sendable {
    case disc(DiscFindingKind)
    /// A stenosis word; compounds name their structure ("Spinalkanalstenose").
    case stenosis(SpineStructure?)
    /// A structure that a stenosis word in the same clause narrows.
    case structure(SpineStructure)
    case grade(StenosisGrade)
    case qualifier(StenosisQualifier)
    /// "bis"/"to" between two grades ("leicht- bis mittelgradig").
    case gradeRange

    static let table = PhraseTable<SpineTerm>(
        entries: [
            (
                SpineTerm.disc(.bulging),
                [
                    "vorwölbung*", "bandscheibenvorwölbung*", "vorgewölbt*", "bulging", "bulge", "bulges", "disc bulge", "disk bulge",
                    "bandscheibenbulging",
                ]
            ),
            (.disc(.protrusion), ["protrusion*", "bandscheibenprotrusion*", "protruding", "protrudiert*"]),
            (.disc(.extrusion), ["extrusion*", "bandscheibenextrusion*", "extruded", "extrudiert*"]),
            (
                .disc(.herniation),
                [
                    "bandscheibenvorfall*", "bandscheibenvorfälle*", "vorfall*", "vorfälle", "prolaps*", "bandscheibenprolaps*",
                    "diskusprolaps*", "diskushernie*", "discushernie*", "bandscheibenhernie*", "nukleus-pulposus-prolaps", "npp", "herniation*",
                    "herniated", "hernia", "disc herniation", "disk herniation",
                ]
            ),
            (.disc(.sequestration), ["sequester*", "sequestriert*", "sequestration", "sequestered", "free fragment"]),
            (
                .stenosis(nil),
                [
                    "stenose*", "stenosis", "stenoses", "stenotic", "einengung*", "eingeengt*", "einengt", "einengen", "einengend*", "verengung*",
                    "verengt*", "eng", "narrowing", "narrowed", "narrows",
                ]
            ),
            (
                .stenosis(.canal),
                [
                    "spinalkanalstenose*", "spinalkanaleinengung*", "spinalkanalenge", "spinalstenose*", "spinal stenosis",
                    "spinal canal stenosis", "central canal stenosis", "canal stenosis", "central stenosis", "spinal canal narrowing",
                ]
            ),
            (
                .stenosis(.foramen),
                [
                    "neuroforamenstenose*", "foramenstenose*", "neuroforaminalstenose*", "foraminalstenose*", "neuroforameneinengung*",
                    "foramenenge", "neuroforamenenge", "foraminal stenosis", "neuroforaminal stenosis", "neural foraminal stenosis",
                    "foraminal narrowing", "neuroforaminal narrowing", "neural foraminal narrowing",
                ]
            ),
            (
                .structure(.canal),
                [
                    "spinalkanal*", "spinal canal", "central canal", "canal", "thecal sac", "duralsack*", "duralschlauch*", "spinal",
                ]
            ),
            (
                .structure(.foramen),
                [
                    "neuroforamen", "neuroforamina", "neuroforamens", "foramen", "foramina", "neuroforaminal*", "foraminal*", "neural foramen",
                    "neural foramina",
                ]
            ),
            (
                .grade(.mild),
                [
                    "leicht*", "leichtgradig*", "gering*", "geringgradig*", "geringfügig*", "diskret*", "mild", "mildly", "minimal", "slight",
                    "slightly", "minor",
                ]
            ),
            (.grade(.moderate), ["mäßig*", "mässig*", "mäßiggradig*", "mittelgradig*", "mittel", "moderat*", "moderate", "moderately"]),
            (
                .grade(.severe),
                [
                    "hochgradig*", "höhergradig*", "schwer*", "schwergradig*", "ausgeprägt*", "severe", "severely", "high-grade", "high grade",
                    "marked", "markedly",
                ]
            ),
            (.qualifier(.absolute), ["absolut*", "absolute"]),
            (.qualifier(.relative), ["relativ*", "relative"]),
            (.gradeRange, ["bis", "to"]),
        ].flatMap { term, phrases in phrases.map { ($0, term) } }
    )
}

/// Spinal canal or neuroforamina.
private enum SpineStructure: Sendable, Hashable {
    case canal
    case foramen
}

/// Where a disc finding points.
private let discPositions = PhraseTable<DiscPosition>(
    entries: [
        (DiscPosition.central, ["median*", "medial*", "zentral*", "central", "centrally", "mediane*"]),
        (.paramedian, ["paramedian*", "mediolateral*", "paracentral", "subarticular"]),
        (.foraminal, ["foraminal*", "intraforaminal*", "neuroforaminal*"]),
        (.extraforaminal, ["extraforaminal*", "far lateral"]),
        (.broadBased, ["breitbasig*", "broad-based", "broad based"]),
        (.circumferential, ["zirkulär*", "zirkumferent*", "circumferential", "diffuse"]),
    ].flatMap { position, phrases in phrases.map { ($0, position) } }
)

/// One spine term in the text.
private struct SpineHit: Sendable {
    var term: SpineTerm
    var first: Int
    var last: Int

    var isAnchor: Bool {
        switch term {
        case .disc, .stenosis, .structure: true
        case .grade, .qualifier, .gradeRange: false
        }
    }
}

/// Consecutive level mentions joined only by "und", "and", "sowie", commas ("L4/5 und L5/S1").
private struct LevelGroup: Sendable {
    var levels: [SpinalLevel]
    var firstToken: Int
    var lastToken: Int
    var sentence: Int
}

/// Reads one section body.
private struct SpineSectionReader {
    private static let levelJoiners = PhraseTable<Void>(words: ["und", "and", "sowie", "bzw", "oder", "or"])

    let input: AgentInput
    let range: Range<Int>

    func read(into collector: inout SpineFindingCollector) {
        let text = input.text
        let groups = levelGroups()
        var hits: [SpineHit] = []
        var index = range.lowerBound
        while index < range.upperBound {
            if let match = SpineTerm.table.match(at: index, in: text), index + match.tokenCount <= range.upperBound {
                hits.append(SpineHit(term: match.value, first: index, last: index + match.tokenCount - 1))
                index += match.tokenCount
            } else {
                index += 1
            }
        }
        var hitIndex = 0
        while hitIndex < hits.count {
            let sentence = text.tokens[hits[hitIndex].first].sentence
            var end = hitIndex
            while end < hits.count, text.tokens[hits[end].first].sentence == sentence { end += 1 }
            let sentenceGroups = groups.filter { $0.sentence == sentence }
            let carried = groups.last { $0.sentence < sentence }
            readSentence(Array(hits[hitIndex..<end]), groups: sentenceGroups, carried: carried, into: &collector)
            hitIndex = end
        }
    }

    private func levelGroups() -> [LevelGroup] {
        let text = input.text
        var groups: [LevelGroup] = []
        for mention in SpinalLevelParser.mentions(in: range, of: text) {
            let sentence = text.tokens[mention.firstToken].sentence
            if var group = groups.last, group.sentence == sentence, isJoined(group.lastToken, mention.firstToken) {
                if !group.levels.contains(mention.level) { group.levels.append(mention.level) }
                group.lastToken = mention.lastToken
                groups[groups.count - 1] = group
            } else {
                groups.append(
                    LevelGroup(levels: [mention.level], firstToken: mention.firstToken, lastToken: mention.lastToken, sentence: sentence)
                )
            }
        }
        return groups
    }

    private func isJoined(_ previousLast: Int, _ nextFirst: Int) -> Bool {
        if nextFirst == previousLast + 1 { return true }
        return (previousLast + 1..<nextFirst).allSatisfy { Self.levelJoiners.contains(tokenAt: $0, in: input.text) }
    }

    private func readSentence(_ hits: [SpineHit], groups: [LevelGroup], carried: LevelGroup?, into collector: inout SpineFindingCollector) {
        let text = input.text
        let firstAnchor = hits.first { $0.isAnchor }
        let pathologyFirst = firstAnchor.map { anchor in groups.first.map { $0.firstToken > anchor.first } ?? false } ?? false
        var previousStenoses: (structures: [SpineStructure], anchor: Int)?
        var start = 0
        while start < hits.count {
            let clause = text.tokens[hits[start].first].clause
            var end = start
            while end < hits.count, text.tokens[hits[end].first].clause == clause { end += 1 }
            let clauseHits = Array(hits[start..<end])
            let clauseTokens = clauseRange(around: hits[start].first)
            let levels: (Int) -> [SpinalLevel]? = { anchor in
                self.levels(for: anchor, groups: groups, carried: carried, pathologyFirst: pathologyFirst)
            }
            for hit in clauseHits {
                guard case .disc(let kind) = hit.term, !input.negation.isNegated(first: hit.first, last: hit.last) else { continue }
                let finding = DiscFinding(
                    kind: kind,
                    side: SideVocabulary.nearestSide(to: hit.first, in: clauseTokens, of: text),
                    position: position(in: clauseTokens),
                    text: text.string(tokens: hit.first, through: hit.last),
                    span: text.span(tokens: hit.first, through: hit.last)
                )
                collector.add(finding, at: levels(hit.first))
            }
            if let stenoses = stenoses(in: clauseHits, clauseTokens: clauseTokens) {
                for (structure, finding) in stenoses.findings {
                    collector.add(finding, of: structure, at: levels(stenoses.anchor))
                }
                previousStenoses = (stenoses.findings.map(\.0), stenoses.anchor)
            } else if let previous = previousStenoses, !clauseHits.contains(where: \.isAnchor),
                let grade = grade(in: clauseHits), let gradeHit = clauseHits.first(where: { if case .grade = $0.term { true } else { false } })
            {
                // "Neuroforamenstenose links hochgradig, rechts mäßig": the second clause continues the first.
                let finding = StenosisFinding(
                    grade: grade,
                    qualifier: qualifier(in: clauseHits),
                    side: SideVocabulary.nearestSide(to: gradeHit.first, in: clauseTokens, of: text),
                    text: text.string(tokens: gradeHit.first, through: gradeHit.last),
                    span: text.span(tokens: gradeHit.first, through: gradeHit.last)
                )
                for structure in previous.structures { collector.add(finding, of: structure, at: levels(previous.anchor)) }
            }
            start = end
        }
    }

    /// The stenoses a clause reports, each with the structure it narrows.
    ///
    /// With several stenosis words in one clause ("moderate spinal canal stenosis and severe left neural foraminal
    /// stenosis"), every grade, qualifier, side and structure word belongs to the nearest stenosis word; at equal distance
    /// to the one after it, since adjectives usually precede their noun.
    private func stenoses(
        in hits: [SpineHit],
        clauseTokens: Range<Int>
    ) -> (findings: [(SpineStructure, StenosisFinding)], anchor: Int)? {
        let text = input.text
        let stenosisHits = hits.filter { hit in
            guard case .stenosis = hit.term else { return false }
            return !input.negation.isNegated(first: hit.first, last: hit.last)
        }
        guard let firstHit = stenosisHits.first else { return nil }
        var attached: [[SpineHit]] = Array(repeating: [], count: stenosisHits.count)
        var sides: [Laterality?] = Array(repeating: nil, count: stenosisHits.count)
        for hit in hits {
            switch hit.term {
            case .grade, .qualifier, .gradeRange, .structure:
                attached[Self.nearest(stenosisHits, to: hit.first, last: hit.last)].append(hit)
            case .stenosis, .disc:
                break
            }
        }
        var index = clauseTokens.lowerBound
        while index < clauseTokens.upperBound {
            guard let side = SideVocabulary.side(at: index, in: text) else {
                index += 1
                continue
            }
            let owner = Self.nearest(stenosisHits, to: index, last: index + side.tokenCount - 1)
            sides[owner] = sides[owner] ?? side.side
            index += side.tokenCount
        }
        var findings: [(SpineStructure, StenosisFinding)] = []
        for (position, hit) in stenosisHits.enumerated() {
            var structures: [SpineStructure] = []
            if case .stenosis(let own?) = hit.term {
                structures = [own]
            } else {
                for case .structure(let structure) in attached[position].map(\.term) where !structures.contains(structure) {
                    structures.append(structure)
                }
            }
            let finding = StenosisFinding(
                grade: grade(in: attached[position]),
                qualifier: qualifier(in: attached[position]),
                side: sides[position],
                text: text.string(tokens: hit.first, through: hit.last),
                span: text.span(tokens: hit.first, through: hit.last)
            )
            findings += (structures.isEmpty ? [.canal] : structures).map { ($0, finding) }
        }
        return (findings, firstHit.first)
    }

    /// The index of the stenosis word nearest to tokens `first...last`; at equal distance the one after them.
    private static func nearest(_ stenoses: [SpineHit], to first: Int, last: Int) -> Int {
        var best = 0
        var bestDistance = Int.max
        for (index, stenosis) in stenoses.enumerated() {
            let isBefore = last < stenosis.first
            let distance = isBefore ? stenosis.first - last : first - stenosis.last
            if distance < bestDistance || (distance == bestDistance && isBefore) {
                best = index
                bestDistance = distance
            }
        }
        return best
    }

    /// The grade of a clause; two grades joined by "bis"/"to" make a range ("leicht- bis mittelgradig").
    private func grade(in hits: [SpineHit]) -> StenosisGrade? {
        var grades: [StenosisGrade] = []
        var hasRange = false
        for hit in hits {
            if case .grade(let grade) = hit.term { grades.append(grade) }
            if case .gradeRange = hit.term, !grades.isEmpty { hasRange = true }
        }
        guard let first = grades.first else { return nil }
        guard hasRange, grades.count >= 2 else { return first }
        switch (first, grades[1]) {
        case (.mild, .moderate), (.moderate, .mild): return .mildToModerate
        case (.moderate, .severe), (.severe, .moderate), (.mild, .severe), (.severe, .mild): return .moderateToSevere
        default: return first
        }
    }

    private func qualifier(in hits: [SpineHit]) -> StenosisQualifier? {
        for hit in hits {
            if case .qualifier(let qualifier) = hit.term { return qualifier }
        }
        return nil
    }

    private func position(in tokens: Range<Int>) -> DiscPosition? {
        for index in tokens {
            if let match = discPositions.match(at: index, in: input.text) { return match.value }
        }
        return nil
    }

    private func clauseRange(around index: Int) -> Range<Int> {
        let tokens = input.text.tokens
        let clause = tokens[index].clause
        var lower = index
        while lower > range.lowerBound, tokens[lower - 1].clause == clause { lower -= 1 }
        var upper = index + 1
        while upper < range.upperBound, tokens[upper].clause == clause { upper += 1 }
        return lower..<upper
    }

    private func levels(for anchor: Int, groups: [LevelGroup], carried: LevelGroup?, pathologyFirst: Bool) -> [SpinalLevel]? {
        let before = groups.last { $0.lastToken < anchor }
        let after = groups.first { $0.firstToken > anchor }
        let chosen = pathologyFirst ? (after ?? before) : (before ?? after)
        return (chosen ?? carried)?.levels
    }
}

/// Collects findings per level and merges repeats (the impression often repeats the findings).
private struct SpineFindingCollector {
    private var byLevel: [SpinalLevel: SpineLevelFindings] = [:]
    private var unleveled = SpineLevelFindings(level: nil)

    mutating func add(_ finding: DiscFinding, at levels: [SpinalLevel]?) {
        update(levels) { entry in
            if let index = entry.discs.firstIndex(where: { $0.kind == finding.kind && $0.side == finding.side }) {
                if entry.discs[index].position == nil { entry.discs[index].position = finding.position }
            } else {
                entry.discs.append(finding)
            }
        }
    }

    mutating func add(_ finding: StenosisFinding, of structure: SpineStructure, at levels: [SpinalLevel]?) {
        update(levels) { entry in
            switch structure {
            case .canal:
                entry.spinalCanalStenosis = Self.merged(entry.spinalCanalStenosis, finding)
            case .foramen:
                // A side-less mention ("Neuroforamenstenose." in the impression) adds to the sided one it repeats.
                if let index = entry.neuroforaminalStenoses.firstIndex(where: { $0.side == finding.side || $0.side == nil || finding.side == nil }) {
                    entry.neuroforaminalStenoses[index] = Self.merged(entry.neuroforaminalStenoses[index], finding)
                } else {
                    entry.neuroforaminalStenoses.append(finding)
                }
            }
        }
    }

    private mutating func update(_ levels: [SpinalLevel]?, _ change: (inout SpineLevelFindings) -> Void) {
        guard let levels, !levels.isEmpty else {
            change(&unleveled)
            return
        }
        for level in levels {
            var entry = byLevel[level] ?? SpineLevelFindings(level: level.name)
            change(&entry)
            byLevel[level] = entry
        }
    }

    private static func merged(_ existing: StenosisFinding?, _ new: StenosisFinding) -> StenosisFinding {
        guard var existing else { return new }
        existing.grade = existing.grade ?? new.grade
        existing.qualifier = existing.qualifier ?? new.qualifier
        existing.side = existing.side ?? new.side
        return existing
    }

    /// Levels cranial to caudal, then findings without a level that no level already reports.
    func levels() -> [SpineLevelFindings] {
        var result = byLevel.keys.sorted().compactMap { byLevel[$0] }
        var rest = unleveled
        rest.discs.removeAll { disc in result.contains { $0.discs.contains { $0.kind == disc.kind } } }
        if rest.spinalCanalStenosis != nil, result.contains(where: { $0.spinalCanalStenosis != nil }) { rest.spinalCanalStenosis = nil }
        rest.neuroforaminalStenoses.removeAll { stenosis in
            result.contains { $0.neuroforaminalStenoses.contains { $0.side == stenosis.side || stenosis.side == nil } }
        }
        if !rest.discs.isEmpty || rest.spinalCanalStenosis != nil || !rest.neuroforaminalStenoses.isEmpty { result.append(rest) }
        return result
    }
}
