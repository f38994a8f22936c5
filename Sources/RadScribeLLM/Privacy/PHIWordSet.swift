/// A set of words that rejects most other words without hashing them.
///
/// Every token of a dictation is looked up in several word lists; hashing each one would cost more than the rest of
/// the scan. A word is hashed only when some listed word has the same first byte and length.
struct PHIWordSet: Sendable, ExpressibleByArrayLiteral {
    private let words: Set<String>
    /// For each first UTF-8 byte, bit `n` is set when a listed word starting with it is `n` bytes long (63: longer).
    private let lengthsByFirstByte: [UInt64]

    /// Creates a set of `words`.
    init(_ words: some Sequence<String>) {
        var lengths = [UInt64](repeating: 0, count: 256)
        let words = Set(words)
        for word in words {
            guard let first = word.utf8.first else { continue }
            lengths[Int(first)] |= 1 << Self.lengthBit(word)
        }
        self.words = words
        self.lengthsByFirstByte = lengths
    }

    /// Creates a set of the listed words.
    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Whether `word` is in the set.
    func contains(_ word: String) -> Bool {
        guard let first = word.utf8.first, lengthsByFirstByte[Int(first)] & (1 << Self.lengthBit(word)) != 0 else { return false }
        return words.contains(word)
    }

    private static func lengthBit(_ word: String) -> UInt64 {
        UInt64(min(word.utf8.count, 63))
    }
}
