/// A keyword table of one- or more-word phrases, looked up token by token on a ``FoldedText``.
///
/// Phrases are written in lower or mixed case; words are split like text tokens ("bi-rads" is two words). A word
/// ending in `*` also matches its inflected forms (stem plus `e`, `n`, `s`, `en`, `er`, `es`, `em`: "hypokinetisch*"
/// matches "hypokinetischen"). A single word starting with `*` is a compound head: it matches a longer token that ends
/// with it ("*metastase*" matches "Lebermetastasen"). A single word ending in `+` is a compound prefix: it matches a
/// token at least three letters longer that starts with it ("leber+" matches "Leberzyste").
///
/// Look-ups probe a hash index with the token's precomputed hashes (whole token and inflection stems) and compare
/// further words in place; the words are stored flat, so a look-up allocates nothing and retains nothing.
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

    /// All words' code units, back to back.
    private let wordUnits: [UInt16]
    /// Per word: where its units start in `wordUnits`, how many there are, whether it inflects.
    private let wordStarts: [Int]
    private let wordLengths: [Int]
    private let wordInflects: [Bool]
    /// Per entry: its first word and its number of words.
    private let entryFirstWords: [Int]
    private let entryWordCounts: [Int]
    private let values: [Value]
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
        var wordUnits: [UInt16] = []
        var wordStarts: [Int] = []
        var wordLengths: [Int] = []
        var wordInflects: [Bool] = []
        var entryFirstWords: [Int] = []
        var entryWordCounts: [Int] = []
        var values: [Value] = []
        var firstWordLists: [UInt64: [Int]] = [:]
        var prefixLists: [UInt64: [Int]] = [:]
        var compoundHeads: [Int] = []
        for (phrase, value) in phrases {
            let parsed = Self.parse(phrase)
            let entry = values.count
            entryFirstWords.append(wordStarts.count)
            entryWordCounts.append(parsed.words.count)
            values.append(value)
            for word in parsed.words {
                wordStarts.append(wordUnits.count)
                wordLengths.append(word.units.count)
                wordInflects.append(word.inflectable)
                wordUnits += word.units
            }
            let first = parsed.words[0].units
            let key = CodeUnit.hash(first, 0, first.count)
            switch parsed.compound {
            case .head: compoundHeads.append(entry)
            case .prefix: prefixLists[key, default: []].append(entry)
            case nil: firstWordLists[key, default: []].append(entry)
            }
        }
        self.wordUnits = wordUnits
        self.wordStarts = wordStarts
        self.wordLengths = wordLengths
        self.wordInflects = wordInflects
        self.entryFirstWords = entryFirstWords
        self.entryWordCounts = entryWordCounts
        self.values = values
        self.firstWordIndex = HashIndex(firstWordLists)
        self.compoundHeads = compoundHeads
        self.shortestCompoundHead = compoundHeads.map { wordLengths[entryFirstWords[$0]] }.min() ?? Int.max / 2
        self.prefixIndex = HashIndex(prefixLists)
        let prefixLengths = Set(prefixLists.values.map { wordLengths[entryFirstWords[$0[0]]] })
        var prefixLengthFlags = Array(repeating: false, count: (prefixLengths.max() ?? 0) + 1)
        for length in prefixLengths { prefixLengthFlags[length] = true }
        self.prefixLengthFlags = prefixLengthFlags
        self.shortestPrefix = prefixLengths.min() ?? Int.max / 2
        self.hasInflectableWords = entryFirstWords.contains { wordInflects[$0] }
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
            for entry in compoundHeads where endsToken(word: entryFirstWords[entry], token: token, in: text) {
                return Match(value: values[entry], entry: entry, tokenCount: 1, isPartOfCompound: true)
            }
        }
        if token.length >= shortestPrefix + 3 {
            // Hash the token's prefixes incrementally and probe at each length a prefix of the table has.
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let longest = min(token.length - 3, prefixLengthFlags.count - 1)
            for length in 1...longest {
                hash = (hash ^ UInt64(text.units[token.start + length - 1])) &* 0x100_0000_01b3
                guard prefixLengthFlags[length], let candidates = prefixIndex.candidates(for: hash) else { continue }
                let entry = prefixIndex.entry(at: candidates.lowerBound)
                return Match(value: values[entry], entry: entry, tokenCount: 1, isPartOfCompound: true)
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
        for candidate in candidates {
            let entry = firstWordIndex.entry(at: candidate)
            let firstWord = entryFirstWords[entry]
            let wordCount = entryWordCounts[entry]
            // A stem match (token longer than the word) only counts for inflectable words.
            if isStem && !wordInflects[firstWord] { continue }
            guard wordCount > (best?.tokenCount ?? 0), index + wordCount <= text.tokens.count else { continue }
            var isMatch = true
            for offset in 1..<max(1, wordCount) {
                let tokenIndex = index + offset
                guard Self.gapJoinsPhrase(in: text, after: tokenIndex - 1),
                    matches(word: firstWord + offset, token: text.tokens[tokenIndex], in: text)
                else {
                    isMatch = false
                    break
                }
            }
            if isMatch { best = Match(value: values[entry], entry: entry, tokenCount: wordCount) }
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

    /// Whether `word` is the token, or its stem with an inflection ending when the word inflects.
    private func matches(word: Int, token: TextToken, in text: FoldedText) -> Bool {
        let count = wordLengths[word]
        guard token.length == count || (wordInflects[word] && token.length > count) else { return false }
        guard unitsEqual(word: word, text: text, end: token.start + count) else { return false }
        return token.length == count || Self.isInflectionEnding(text.units, token.start + count, token.end)
    }

    /// Whether the compound head `word` ends the token (before an inflection ending when it inflects), after at least one letter.
    private func endsToken(word: Int, token: TextToken, in text: FoldedText) -> Bool {
        let count = wordLengths[word]
        if token.end - count > token.start && unitsEqual(word: word, text: text, end: token.end) { return true }
        guard wordInflects[word] else { return false }
        for ending in 1...2 where token.end - ending - count > token.start {
            if Self.isInflectionEnding(text.units, token.end - ending, token.end) && unitsEqual(word: word, text: text, end: token.end - ending) {
                return true
            }
        }
        return false
    }

    /// Whether the word's units equal the text's units that end at `end`.
    @inline(__always)
    private func unitsEqual(word: Int, text: FoldedText, end: Int) -> Bool {
        let count = wordLengths[word]
        let start = wordStarts[word]
        let textStart = end - count
        for offset in 0..<count where text.units[textStart + offset] != wordUnits[start + offset] { return false }
        return true
    }

    /// Whether `units[start..<end]` is one of the inflection endings.
    private static func isInflectionEnding(_ units: [UInt16], _ start: Int, _ end: Int) -> Bool {
        switch end - start {
        case 1:
            let unit = units[start]
            return unit == 0x65 || unit == 0x6E || unit == 0x73  // e, n, s
        case 2:
            let last = units[start + 1]
            return units[start] == 0x65 && (last == 0x6E || last == 0x72 || last == 0x73 || last == 0x6D)  // en, er, es, em
        default:
            return false
        }
    }

    // MARK: - Parsing

    private struct ParsedWord {
        var units: [UInt16]
        var inflectable: Bool
    }

    private enum Compound {
        case head
        case prefix
    }

    private static func parse(_ phrase: String) -> (words: [ParsedWord], compound: Compound?) {
        let folded = FoldedText(phrase)
        precondition(!folded.tokens.isEmpty, "empty phrase in table")
        let words = folded.tokens.map { token in
            ParsedWord(
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
