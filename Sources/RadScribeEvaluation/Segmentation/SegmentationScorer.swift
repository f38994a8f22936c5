import RadScribeCore

/// Scores where the engine put the words of each report field.
///
/// Gold words are the words inside each field's span of the assembled dictation; the engine's words are the words of
/// the normalised text, each labelled with the section whose body span contains it (none when it lies in a header or
/// outside every section). The two word sequences are aligned with a diff, so a normaliser that rewrites a few words
/// ("two" → "2") or drops filler does not shift the rest: a gold word without an identical counterpart takes the
/// section of the engine word that replaced it, or of the word before it when nothing replaced it.
struct SegmentationScorer: Sendable {
    /// The number of characters of a field quoted in an error listing.
    static let excerptLength = 60

    /// Scores one dictation; `report` is `nil` when the engine failed, which puts every word nowhere.
    func score(_ dictation: AssembledDictation, report: StructuredReport?, uid: String, variant: DictationVariant) -> SegmentationCase {
        let gold = WordTokenizer.words(in: dictation.text)
        let produced = report.map { WordTokenizer.words(in: $0.text) } ?? []
        let producedKinds = produced.map { token in report?.sections.first { $0.span.contains(token.span) }?.kind }
        let counterparts = Self.counterparts(of: gold.map(\.text), in: produced.map(\.text))

        var tallies: [ReportField: [SectionKind?: Int]] = [:]
        for (index, token) in gold.enumerated() {
            guard let field = dictation.placements.first(where: { $0.span.contains(token.span) })?.field else { continue }
            let kind = counterparts[index].flatMap { producedKinds[$0] }
            tallies[field, default: [:]][kind, default: 0] += 1
        }
        let fields = dictation.placements.map { placement in
            FieldOutcome(
                field: placement.field,
                placement: tallies[placement.field] ?? [:],
                excerpt: Formatting.excerpt(placement.span.substring(of: dictation.text) ?? "", length: Self.excerptLength)
            )
        }
        return SegmentationCase(uid: uid, variant: variant, fields: fields)
    }

    /// For each gold word, the index of the engine word it corresponds to, or `nil` when the engine produced no words.
    static func counterparts(of gold: [String], in produced: [String]) -> [Int?] {
        guard !produced.isEmpty else { return Array(repeating: nil, count: gold.count) }
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in produced.difference(from: gold) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var keptProduced = (0..<produced.count).filter { !inserted.contains($0) }.makeIterator()
        var result = [Int?](repeating: nil, count: gold.count)
        var unmatchedRun: [Int] = []
        var previous = -1
        func resolve(before next: Int) {
            let gap = (previous + 1)..<next
            for (position, goldIndex) in unmatchedRun.enumerated() {
                if !gap.isEmpty {
                    result[goldIndex] = gap.lowerBound + min(position, gap.count - 1)
                } else {
                    result[goldIndex] = previous >= 0 ? previous : (next < produced.count ? next : nil)
                }
            }
            unmatchedRun.removeAll()
        }
        for index in gold.indices {
            if removed.contains(index) {
                unmatchedRun.append(index)
                continue
            }
            // The diff keeps as many words on each side, so a kept gold word always has a kept engine word.
            let match = keptProduced.next() ?? produced.count
            resolve(before: match)
            result[index] = match
            previous = match
        }
        resolve(before: produced.count)
        return result
    }
}
