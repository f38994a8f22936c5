/// Folded UTF-8 bytes of a word, as the tokenizer writes them.
typealias FoldedKey = Slice<UnsafeBufferPointer<UInt8>>

/// A hash table from folded UTF-8 words to vocabulary entries, probed with raw bytes.
///
/// Looking a word up needs no `String`: the tokenizer hashes the folded bytes it already wrote (FNV-1a) and the
/// table compares bytes. That keeps a lookup at a few nanoseconds, which matters because every word is looked up.
struct FoldedWordTable: Sendable {
    private let slots: [Int32]
    private let keyStarts: [Int]
    private let keyBytes: [UInt8]
    private let mask: Int

    /// Creates the table; `words[i]` is the folded word of entry `i`.
    init(words: [String]) {
        var starts: [Int] = [0]
        var bytes: [UInt8] = []
        for word in words {
            bytes.append(contentsOf: word.utf8)
            starts.append(bytes.count)
        }
        var capacity = 16
        while capacity < words.count * 3 { capacity *= 2 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (entry, word) in words.enumerated() {
            let hash = Array(word.utf8).withUnsafeBufferPointer { Self.hash($0[...]) }
            var slot = Int(truncatingIfNeeded: hash) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(entry)
        }
        self.slots = slots
        self.keyStarts = starts
        self.keyBytes = bytes
        self.mask = capacity - 1
    }

    /// The entry of the folded word `key`, or `nil`.
    func entry(for key: FoldedKey) -> Int32? {
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        return keyBytes.withUnsafeBufferPointer { stored in
            while true {
                let entry = slots[slot]
                guard entry >= 0 else { return nil }
                let start = keyStarts[Int(entry)]
                if keyStarts[Int(entry) + 1] - start == key.count, stored[start..<(start + key.count)].elementsEqual(key) { return entry }
                slot = (slot + 1) & mask
            }
        }
    }

    private static func hash(_ bytes: FoldedKey) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }
}
