import RadScribeCore
import RadScribeReporting

/// Gives each concept mention of a section the body side it is stated for, more finely than the sentence-level
/// ``Finding/laterality``.
///
/// The same rules run over the dictation and over the LLM's text, so a rewording that keeps the meaning gets the same
/// sides on both:
/// - Within a sentence that names a side, the sentence is cut into clauses at `,`, `;` and `:` (not inside numbers
///   such as "2,3"). A mention takes the side of its own clause; failing that, the side of the nearest clause that
///   names a side but no concept, looking back first and then ahead, never past a clause whose side belongs to its own
///   concepts: "Rechts basal, angrenzend an das Zwerchfell, ein Erguss" is right, "Pleuraerguss links, kein
///   Pneumothorax" leaves the pneumothorax without a side.
/// - A clause that joins statements with a conjunction ("und", "sowie", "and", "but", …) and names different sides in
///   them gives each mention the side of its own statement ("Pleuraerguss rechts sowie Rundherd links"); otherwise its
///   side holds for all its mentions ("Pleuraerguss und Atelektase links", "Erguss links und rechts").
/// - A sentence that names a side but no concept ("Rechte Niere: 11 cm.") lends its side to the mentions of the
///   following side-less sentences ("Kein Harnstau."), until a sentence names a side of its own or names only locations
///   other than its locations ("Leber: …").
///
/// A side taken from another clause, another statement of the clause or another sentence is marked inferred: the
/// words may mean it, but need not ("Kardiale Dekompensation mit Stauung und Ergüssen beidseits"), so `SideRules`
/// reads it as that side or none.
struct MentionSideResolver: Sendable {
    /// Lower-case words that join two statements within a clause, as UTF-16.
    private static let conjunctions = ["und", "sowie", "oder", "aber", "jedoch", "and", "or", "but", "while", "whereas", "however"].map {
        Array($0.utf16)
    }

    private let detector = LateralityDetector()

    /// A side lent by a sentence without concepts to the sentences after it.
    private struct LentSide {
        var side: Laterality
        var locations: [String]

        /// Whether a sentence at `locations` speaks of something else.
        func isInterrupted(by locations: [String]) -> Bool {
            !self.locations.isEmpty && !locations.isEmpty && !locations.contains { self.locations.contains($0) }
        }
    }

    /// The side of each concept mention of each finding.
    ///
    /// - Parameters:
    ///   - findings: The findings of one section, in text order.
    ///   - language: The report language.
    /// - Returns: One array per finding with one side per entry of its ``Finding/concepts``.
    func sides(of findings: [Finding], language: Language) -> [[MentionSide]] {
        var result: [[MentionSide]] = []
        result.reserveCapacity(findings.count)
        var lent: LentSide?
        for finding in findings {
            if let side = finding.laterality {
                if finding.concepts.isEmpty {
                    lent = LentSide(side: side, locations: finding.locations)
                    result.append([])
                } else {
                    lent = nil
                    result.append(clauseSides(of: finding, language: language))
                }
                continue
            }
            if let current = lent, current.isInterrupted(by: finding.locations) { lent = nil }
            result.append(Array(repeating: .inferred(lent?.side), count: finding.concepts.count))
        }
        return result
    }

    // MARK: - Clauses

    private func clauseSides(of finding: Finding, language: Language) -> [MentionSide] {
        let text = finding.text
        let units = Array(text.utf16)
        let offsets = finding.concepts.map { $0.span.start - finding.span.start }
        let clauses = Self.clauses(of: units)
        let clauseOfMention = offsets.map { offset in clauses.firstIndex { offset < $0.upperBound } ?? clauses.count - 1 }
        let sides =
            clauses.count == 1 ? [finding.laterality] : clauses.map { detector.laterality(in: Self.slice(text, $0), language: language) }
        var hasConcepts = Array(repeating: false, count: clauses.count)
        for clause in clauseOfMention { hasConcepts[clause] = true }
        var result = clauseOfMention.map { Self.side(of: $0, sides: sides, hasConcepts: hasConcepts) }
        for (clause, range) in clauses.enumerated() where sides[clause] != nil {
            let members = clauseOfMention.indices.filter { clauseOfMention[$0] == clause }
            guard members.count > 1,
                let refined = segmentSides(
                    of: members.map { offsets[$0] },
                    in: range,
                    side: sides[clause],
                    of: text,
                    units: units,
                    language: language
                )
            else { continue }
            for (member, side) in zip(members, refined) { result[member] = side }
        }
        return result
    }

    /// The sides of the mentions at `offsets` in a clause with `side` that joins statements with conjunctions, or
    /// `nil` when it joins none.
    ///
    /// The clause is cut before each conjunction; a statement without mentions ("… links und rechts") adds its side to
    /// the statement before it. When the statements with mentions name one side at most, that side holds for the whole
    /// clause ("Pleuraerguss und Atelektase links"), inferred for the mentions of the other statements; when they name
    /// different sides ("Pleuraerguss rechts sowie Rundherd links"), each mention takes the side of its statement.
    private func segmentSides(
        of offsets: [Int],
        in clause: Range<Int>,
        side: Laterality?,
        of text: String,
        units: [UInt16],
        language: Language
    ) -> [MentionSide]? {
        let segments = Self.segments(of: clause, units: units)
        guard segments.count > 1 else { return nil }
        var groupSides: [Laterality?] = []
        var groupOfSegment: [Int] = []
        var pending: [Laterality?] = []
        for segment in segments {
            let segmentSide = detector.laterality(in: Self.slice(text, segment), language: language)
            if offsets.contains(where: { segment.contains($0) }) {
                groupSides.append(SideRules.combined(pending + [segmentSide]))
                pending = []
            } else if let last = groupSides.indices.last {
                groupSides[last] = SideRules.combined([groupSides[last], segmentSide])
            } else {
                pending.append(segmentSide)
            }
            groupOfSegment.append(max(groupSides.count - 1, 0))
        }
        let shared = Set(groupSides.compactMap { $0 }).count <= 1
        return offsets.map { offset in
            let segment = segments.firstIndex { offset < $0.upperBound } ?? segments.count - 1
            let own = groupSides[groupOfSegment[segment]]
            if !shared { return .stated(own) }
            return own == nil ? .inferred(side) : .stated(side)
        }
    }

    /// The side of clause `index`: its own, else that of the nearest clause that names a side but no concept.
    private static func side(of index: Int, sides: [Laterality?], hasConcepts: [Bool]) -> MentionSide {
        if let own = sides[index] { return .stated(own) }
        for neighbours in [Array((0..<index).reversed()), Array((index + 1)..<sides.count)] {
            for neighbour in neighbours {
                guard let side = sides[neighbour] else { continue }
                if !hasConcepts[neighbour] { return .inferred(side) }
                break
            }
        }
        return .unsided
    }

    /// The clauses of a sentence as UTF-16 offset ranges: cut after `,`, `;` and `:` outside numbers.
    private static func clauses(of units: [UInt16]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        for (index, unit) in units.enumerated() where unit == 0x2C || unit == 0x3B || unit == 0x3A {
            let insideNumber = index > 0 && index + 1 < units.count && isDigit(units[index - 1]) && isDigit(units[index + 1])
            guard !insideNumber else { continue }
            clauses.append(start..<(index + 1))
            start = index + 1
        }
        if start < units.count || clauses.isEmpty { clauses.append(start..<units.count) }
        return clauses
    }

    /// The segments of a clause, cut before each conjunction word.
    private static func segments(of clause: Range<Int>, units: [UInt16]) -> [Range<Int>] {
        var segments: [Range<Int>] = []
        var start = clause.lowerBound
        var index = clause.lowerBound
        while index < clause.upperBound {
            guard isWordUnit(units[index]), index == clause.lowerBound || !isWordUnit(units[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < clause.upperBound, isWordUnit(units[end]) { end += 1 }
            if index > start, isConjunction(units[index..<end]) {
                segments.append(start..<index)
                start = index
            }
            index = end
        }
        segments.append(start..<clause.upperBound)
        return segments
    }

    private static func isConjunction(_ word: ArraySlice<UInt16>) -> Bool {
        conjunctions.contains { conjunction in
            conjunction.count == word.count && zip(conjunction, word).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 + 0x20 : $1) }
        }
    }

    private static func slice(_ text: String, _ range: Range<Int>) -> Substring {
        text[String.Index(utf16Offset: range.lowerBound, in: text)..<String.Index(utf16Offset: range.upperBound, in: text)]
    }

    private static func isWordUnit(_ unit: UInt16) -> Bool {
        (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A) || unit >= 0xC0
    }

    private static func isDigit(_ unit: UInt16) -> Bool {
        unit >= 0x30 && unit <= 0x39
    }
}
