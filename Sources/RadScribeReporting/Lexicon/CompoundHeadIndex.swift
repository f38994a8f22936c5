/// Finds a known German noun at the end of an unlisted compound: "Unterlappenatelektase" ends in "atelektase".
///
/// German compounds put the head last, so a word that ends in a lexicon noun of at least
/// ``minimumHeadLength`` letters, after at least ``minimumModifierLength`` letters of modifier, is read as
/// that noun. The index is a trie over the reversed UTF-8 bytes of the heads; a lookup walks a word backwards
/// and usually stops after one or two bytes.
struct CompoundHeadIndex: Sendable {
    /// Shorter nouns ("Port", "Herz", "Elle") end too many unrelated words, also when inflected ("aktuellen").
    /// The lexicon applies it to the listed noun, this index to every stored form.
    static let minimumHeadLength = 5
    /// The modifier must be a real word part, not an inflection or prefix.
    static let minimumModifierLength = 3

    private var edges: [Int64: Int32] = [:]
    private var heads: [Int32: Int32] = [:]
    private var nodeCount: Int32 = 1

    /// Adds a head noun (a folded single-token key) for a concept index.
    mutating func insert(head: String, concept: Int32) {
        guard head.utf8.count >= Self.minimumHeadLength else { return }
        var node: Int32 = 0
        for byte in head.utf8.reversed() {
            let edge = Int64(node) << 8 | Int64(byte)
            if let next = edges[edge] {
                node = next
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        if heads[node] == nil { heads[node] = concept }
    }

    /// The concept whose longest head ends `word`, leaving a modifier of at least ``minimumModifierLength`` bytes.
    func concept(endingWord word: String) -> Int32? {
        var word = word
        return word.withUTF8 { bytes -> Int32? in
            guard bytes.count >= Self.minimumHeadLength + Self.minimumModifierLength else { return nil }
            var node: Int32 = 0
            var best: Int32?
            var index = bytes.count - 1
            while index >= Self.minimumModifierLength {
                guard let next = edges[Int64(node) << 8 | Int64(bytes[index])] else { break }
                node = next
                if let concept = heads[node] { best = concept }
                index -= 1
            }
            return best
        }
    }
}
