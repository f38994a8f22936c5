import Testing

@testable import RadScribeReporting

@Suite("Token key table")
struct TokenKeyTableTests {
    @Test func internedKeysKeepTheirIdsWhileTheTableGrows() {
        var table = TokenKeyTable()
        let keys = (0..<500).map { "wort\($0)" }
        let ids = keys.map { table.intern($0) }
        #expect(ids == (0..<500).map(Int32.init))
        #expect(table.count == 500)
        #expect(table.intern("wort7") == 7)
        for (key, id) in zip(keys, ids) {
            #expect(table.id(of: key, hash: Token.keyHash(of: key)) == id)
        }
    }

    @Test func aKeyThatWasNotInternedHasNoId() {
        var table = TokenKeyTable()
        _ = table.intern("lunge")
        #expect(table.id(of: "leber", hash: Token.keyHash(of: "leber")) == nil)
        // The hash only finds the slot; the key itself must match.
        #expect(table.id(of: "leber", hash: Token.keyHash(of: "lunge")) == nil)
    }

    @Test func tokensCarryTheHashOfTheirKey() {
        let tokens = Tokenizer.tokens(of: "Pleura-Erguss 12", utf8Range: 0..<16, utf16Start: 0)
        #expect(tokens.map(\.key) == ["pleura", "-", "erguss", "12"])
        #expect(tokens.allSatisfy { $0.keyHash == Token.keyHash(of: $0.key) })
        #expect(tokens.map(\.isTransparent) == [false, true, false, false])
    }
}
