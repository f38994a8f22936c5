/// A trie over token keys that finds the longest phrase starting at a token.
///
/// Keys are interned to integers once (``tokenIDs(of:in:)``, by the hash each token carries), so a walk costs one
/// integer-keyed dictionary access per token. Transparent tokens (hyphens, full stops) are skipped both when phrases are stored
/// (see ``Tokenizer/keys(of:)``) and when text is matched.
struct PhraseTrie<Value: Sendable>: Sendable {
    /// A phrase found in a token sequence.
    struct Match {
        /// The tokens it covers, from its first to its last non-transparent token.
        var tokens: Range<Int>
        /// The value stored for the phrase.
        var value: Value
    }

    private var vocabulary = TokenKeyTable()
    private var edges: [Int64: Int32] = [:]
    private var values: [Int32: Value] = [:]
    private var nodeCount: Int32 = 1

    /// The number of phrases stored.
    var count: Int { values.count }

    /// Stores `value` for the phrase `keys`; an existing value is kept unless `replacing` is true.
    /// - Returns: whether the value was stored.
    @discardableResult
    mutating func insert(_ keys: [String], value: Value, replacing: Bool = false) -> Bool {
        guard !keys.isEmpty else { return false }
        var node: Int32 = 0
        for key in keys {
            let id = intern(key)
            let edge = Int64(node) << 32 | Int64(id)
            if let next = edges[edge] {
                node = next
            } else {
                edges[edge] = nodeCount
                node = nodeCount
                nodeCount += 1
            }
        }
        guard replacing || values[node] == nil else { return false }
        values[node] = value
        return true
    }

    /// The value stored for exactly `keys`, if any.
    func value(for keys: [String]) -> Value? {
        var node: Int32 = 0
        for key in keys {
            guard let id = vocabulary.id(of: key, hash: Token.keyHash(of: key)), let next = edges[Int64(node) << 32 | Int64(id)] else {
                return nil
            }
            node = next
        }
        return values[node]
    }

    /// The interned id of every token in `range` (-1 for keys no phrase uses), indexed from `range.lowerBound`.
    func tokenIDs(of tokens: [Token], in range: Range<Int>) -> [Int32] {
        var ids = [Int32](repeating: -1, count: range.count)
        for index in range {
            ids[index - range.lowerBound] = vocabulary.id(of: tokens[index].key, hash: tokens[index].keyHash) ?? -1
        }
        return ids
    }

    /// The longest phrase that starts at token `start` and ends before `limit`, among those `accept` lets through.
    ///
    /// - Parameters:
    ///   - tokens: The tokens.
    ///   - ids: Their interned ids from ``tokenIDs(of:in:)``.
    ///   - idOffset: The token index of `ids[0]`.
    ///   - start: Where the phrase must start (a non-transparent token).
    ///   - limit: The phrase must end at or before this token index.
    ///   - accept: A last check of a candidate, e.g. for exact capitalisation.
    func longestMatch(
        in tokens: [Token],
        ids: [Int32],
        idOffset: Int,
        from start: Int,
        limit: Int,
        accept: (Value, Range<Int>) -> Bool = { _, _ in true }
    ) -> Match? {
        guard start < limit, !tokens[start].isTransparent else { return nil }
        var node: Int32 = 0
        var best: Match?
        var index = start
        while index < limit {
            if tokens[index].isTransparent {
                index += 1
                continue
            }
            let id = ids[index - idOffset]
            guard id >= 0, let next = edges[Int64(node) << 32 | Int64(id)] else { break }
            node = next
            index += 1
            if let value = values[node], accept(value, start..<index) {
                best = Match(tokens: start..<index, value: value)
            }
        }
        return best
    }

    private mutating func intern(_ key: String) -> Int32 {
        vocabulary.intern(key)
    }
}
