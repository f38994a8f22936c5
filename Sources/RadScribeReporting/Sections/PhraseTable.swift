/// A keyword table of one- or more-word phrases, looked up token by token on a ``FoldedText``.
///
/// Phrases are written in lower or mixed case; words are split like text tokens ("bi-rads" is two words). A word
/// ending in `*` also matches its inflected forms (stem plus `e`, `n`, `s`, `en`, `er`, `es`, `em`: "hypokinetisch*"
/// matches "hypokinetischen"). A single word starting with `*` is a compound head: it matches a longer token that ends
/// with it ("*metastase*" matches "Lebermetastasen"). A single word ending in `+` is a compound prefix: it matches a
/// token at least three letters longer that starts with it ("leber+" matches "Leberzyste"). Look-ups hash the first word and compare the rest in place, so a
/// look-up costs one or two dictionary probes and no allocation.
struct PhraseTable<Value: Sendable>: Sendable {
    /// A successful look-up.
    struct Match: Sendable {
        /// The value of the matched phrase.
        var value: Value
        /// The index of the phrase in the table, a stable identity for counting distinct phrases.
        var entry: Int
        /// How many tokens the phrase covers.
        var tokenCount: Int
        /// Whether a compound head or prefix matched part of a longer word ("Leberzyste" for `leber+`).
        var isPartOfCompound = false
    }

    private struct Word: Sendable {
        var units: [UInt16]
        var inflectable: Bool
    }

    private struct Entry: Sendable {
        var words: [Word]
        var value: Value
    }

    private let entries: [Entry]
    private let firstWordIndex: HashIndex
    private let compoundHeads: [Int]
    private let shortestCompoundHead: Int
    private let prefixIndex: HashIndex
    /// `true` at the lengths of the compound prefixes.
    private let prefixLengthFlags: [Bool]
    private let shortestPrefix: Int
    private let hasInflectableWords: Bool

    /// Builds a table from phrases and their values, in order (an earlier phrase wins a tie).
    init(_ phrases: KeyValuePairs<String, Value>) {
        self.init(entries: phrases.map { ($0.key, $0.value) })
    }

    /// Builds a table from phrases and their values, in order (an earlier phrase wins a tie).
    init(entries phrases: [(String, Value)]) {
        var entries: [Entry] = []
        var firstWordIndex: [UInt64: [Int]] = [:]
        var compoundHeads: [Int] = []
        var prefixIndex: [UInt64: [Int]] = [:]
        for (phrase, value) in phrases {
            let parsed = Self.parse(phrase)
            let index = entries.count
            entries.append(Entry(words: parsed.words, value: value))
            let first = parsed.words[0].units
            switch parsed.compound {
            case .head: compoundHeads.append(index)
            case .prefix: prefixIndex[CodeUnit.hash(first, 0, first.count), default: []].append(index)
            case nil: firstWordIndex[CodeUnit.hash(first, 0, first.count), default: []].append(index)
            }
        }
        self.entries = entries
        self.firstWordIndex = HashIndex(firstWordIndex)
        self.compoundHeads = compoundHeads
        self.shortestCompoundHead = compoundHeads.map { entries[$0].words[0].units.count }.min() ?? Int.max
        self.prefixIndex = HashIndex(prefixIndex)
        let prefixLengths = Set(prefixIndex.values.map { entries[$0[0]].words[0].units.count })
        var prefixLengthFlags = Array(repeating: false, count: (prefixLengths.max() ?? 0) + 1)
        for length in prefixLengths { prefixLengthFlags[length] = true }
        self.prefixLengthFlags = prefixLengthFlags
        self.shortestPrefix = prefixLengths.min() ?? Int.max / 2
        self.hasInflectableWords = entries.contains { $0.words[0].inflectable }
    }

    /// The longest phrase that starts at token `index`, or `nil`.
    func match(at index: Int, in text: FoldedText) -> Match? {
        let token = text.tokens[index]
        var best: Match?
        consider(firstWordIndex.candidates(for: token.hash), at: index, in: text, isStem: false, best: &best)
        if hasInflectableWords {
            if token.shortStemHash != 0 {
                consider(firstWordIndex.candidates(for: token.shortStemHash), at: index, in: text, isStem: true, best: &best)
            }
            if token.longStemHash != 0 {
                consider(firstWordIndex.candidates(for: token.longStemHash), at: index, in: text, isStem: true, best: &best)
            }
        }
        guard best == nil else { return best }
        if token.length > shortestCompoundHead {
            for entryIndex in compoundHeads where Self.word(entries[entryIndex].words[0], endsToken: token, in: text) {
                return Match(value: entries[entryIndex].value, entry: entryIndex, tokenCount: 1, isPartOfCompound: true)
            }
        }
        if token.length >= shortestPrefix + 3 {
            // Hash the token's prefixes incrementally and probe at each length a prefix of the table has.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let longest = min(token.length - 3, prefixLengthFlags.count - 1)
            for length in 1...longest {
                hash = (hash ^ UInt64(text.units[token.start + length - 1])) &* 0x100_0000_01b3
                guard prefixLengthFlags[length], let candidates = prefixIndex.candidates(for: hash) else { continue }
                let entryIndex = prefixIndex.entry(at: candidates.lowerBound)
                return Match(value: entries[entryIndex].value, entry: entryIndex, tokenCount: 1, isPartOfCompound: true)
            }
        }
        return nil
    }

    /// Whether a phrase of the table starts at token `index`.
    func contains(tokenAt index: Int, in text: FoldedText) -> Bool {
        match(at: index, in: text) != nil
    }

    // MARK: - Matching

    private func consider(_ candidates: Range<Int>?, at index: Int, in text: FoldedText, isStem: Bool, best: inout Match?) {
        guard let candidates else { return }
        let token = text.tokens[index]
        for candidate in candidates {
            let entryIndex = firstWordIndex.entry(at: candidate)
            let entry = entries[entryIndex]
            // A stem match (token longer than the word) only counts for inflectable words.
            if isStem && !entry.words[0].inflectable { continue }
            guard entry.words.count > (best?.tokenCount ?? 0), index + entry.words.count <= text.tokens.count else { continue }
            var matches = true
            for offset in 1..<max(1, entry.words.count) {
                let tokenIndex = index + offset
                guard Self.gapJoinsPhrase(in: text, after: tokenIndex - 1),
                    Self.word(entry.words[offset], matches: text.tokens[tokenIndex], in: text)
                else {
                    matches = false
                    break
                }
            }
            if matches { best = Match(value: entry.value, entry: entryIndex, tokenCount: entry.words.count) }
        }
    }

    /// Words of a phrase may be separated by blanks, a hyphen, a slash or an apostrophe, but not by a line break or punctuation.
    private static func gapJoinsPhrase(in text: FoldedText, after index: Int) -> Bool {
        let start = text.tokens[index].end
        let end = text.tokens[index + 1].start
        guard end - start <= 3 else { return false }
        for position in start..<end {
            let unit = text.units[position]
            guard CodeUnit.isBlank(unit) || unit == CodeUnit.hyphen || unit == CodeUnit.slash || unit == 0x27 || unit == 0x2019 else {
                return false
            }
        }
        return true
    }

    private static func word(_ word: Word, matches token: TextToken, in text: FoldedText) -> Bool {
        let count = word.units.count
        guard token.length == count || (word.inflectable && token.length > count) else { return false }
        for offset in 0..<count where text.units[token.start + offset] != word.units[offset] { return false }
        return token.length == count || isSuffix(text.units, token.start + count, token.end)
    }

    private static func word(_ word: Word, endsToken token: TextToken, in text: FoldedText) -> Bool {
        let count = word.units.count
        if hasSuffix(word.units, text.units, token.end) { return token.end - count > token.start }
        guard word.inflectable else { return false }
        for suffix in inflectionSuffixes where hasSuffix(suffix, text.units, token.end) {
            let stemEnd = token.end - suffix.count
            if stemEnd - count > token.start && hasSuffix(word.units, text.units, stemEnd) { return true }
        }
        return false
    }

    private static func isSuffix(_ units: [UInt16], _ start: Int, _ end: Int) -> Bool {
        inflectionSuffixes.contains { suffix in
            suffix.count == end - start && suffix.indices.allSatisfy { units[start + $0] == suffix[$0] }
        }
    }

    private static func hasSuffix(_ suffix: [UInt16], _ units: [UInt16], _ end: Int) -> Bool {
        let start = end - suffix.count
        guard start >= 0 else { return false }
        for offset in suffix.indices where units[start + offset] != suffix[offset] { return false }
        return true
    }

    // MARK: - Parsing

    private enum Compound {
        case head
        case prefix
    }

    private static func parse(_ phrase: String) -> (words: [Word], compound: Compound?) {
        let folded = FoldedText(phrase)
        precondition(!folded.tokens.isEmpty, "empty phrase in table")
        let words = folded.tokens.map { token in
            Word(
                units: Array(folded.units[token.start..<token.end]),
                inflectable: token.end < folded.units.count && folded.units[token.end] == 0x2A
            )
        }
        let last = folded.tokens[folded.tokens.count - 1]
        var compound: Compound?
        if folded.tokens[0].start > 0 && folded.units[folded.tokens[0].start - 1] == 0x2A {
            compound = .head
        } else if last.end < folded.units.count && folded.units[last.end] == 0x2B {
            compound = .prefix
        }
        precondition(compound == nil || words.count == 1, "a compound head or prefix must be one word")
        return (words, compound)
    }
}

extension PhraseTable where Value == Void {
    /// Builds a set of words or phrases.
    init(words: [String]) {
        self.init(entries: words.map { ($0, ()) })
    }
}

/// An open-addressing map from FNV-1a hashes to lists of entry indices.
///
/// The keys are already well mixed, so unlike `Dictionary` it does not hash them again; a look-up is a multiply-free
/// probe of a power-of-two array.
private struct HashIndex: Sendable {
    private let keys: [UInt64]
    private let starts: [Int32]
    private let counts: [Int32]
    private let entries: [Int]
    private let mask: Int

    init(_ lists: [UInt64: [Int]]) {
        var capacity = 8
        while capacity < lists.count * 2 { capacity *= 2 }
        var keys = Array(repeating: UInt64(0), count: capacity)
        var starts = Array(repeating: Int32(0), count: capacity)
        var counts = Array(repeating: Int32(0), count: capacity)
        var entries: [Int] = []
        for (key, list) in lists.sorted(by: { $0.key < $1.key }) {
            precondition(key != 0, "a phrase hashed to the empty marker")
            var slot = Self.slot(of: key, mask: capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            starts[slot] = Int32(entries.count)
            counts[slot] = Int32(list.count)
            entries += list
        }
        self.keys = keys
        self.starts = starts
        self.counts = counts
        self.entries = entries
        self.mask = capacity - 1
    }

    @inline(__always)
    private static func slot(of key: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: key ^ (key >> 32)) & mask
    }

    /// The positions (for ``entry(at:)``) of the entries stored under `key`.
    @inline(__always)
    func candidates(for key: UInt64) -> Range<Int>? {
        var slot = Self.slot(of: key, mask: mask)
        while true {
            let stored = keys[slot]
            if stored == key && key != 0 {
                let start = Int(starts[slot])
                return start..<(start + Int(counts[slot]))
            }
            if stored == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// The entry index at a position from ``candidates(for:)``.
    @inline(__always)
    func entry(at position: Int) -> Int { entries[position] }
}

/// The endings an inflectable table word may carry (German adjective and noun endings, English plural).
private let inflectionSuffixes: [[UInt16]] = ["e", "n", "s", "en", "er", "es", "em"].map { Array($0.utf16) }
