/// Interns token keys to small integer ids, looked up by the FNV-1a hash every ``Token`` carries.
///
/// An open-addressing table probed directly with that hash, so a look-up hashes nothing; a hit is confirmed by comparing
/// the key itself. Built once with the phrases of a ``PhraseTrie``, read concurrently afterwards.
struct TokenKeyTable: Sendable {
    private var slots = [Int32](repeating: -1, count: 16)
    private var keys: [String] = []
    private var hashes: [UInt64] = []

    /// The number of keys.
    var count: Int { keys.count }

    /// The id of `key`, adding it when it is new.
    mutating func intern(_ key: String) -> Int32 {
        let hash = Token.keyHash(of: key)
        if let id = id(of: key, hash: hash) { return id }
        if (keys.count + 1) * 2 > slots.count { grow() }
        let id = Int32(keys.count)
        keys.append(key)
        hashes.append(hash)
        place(id, hash: hash)
        return id
    }

    /// The id of `key`, whose FNV-1a hash is `hash`, if it was interned.
    func id(of key: String, hash: UInt64) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash, keys[Int(id)] == key { return id }
            slot = (slot + 1) & mask
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() { place(Int32(id), hash: hash) }
    }

    private mutating func place(_ id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }
}
