/// Finds e-mail addresses: `local@domain.tld`, written without spaces.
struct EmailDetector: Sendable {
    private static let localSymbols: PHIWordSet = [".", "_", "-", "+", "%"]

    /// Claims every e-mail address in `text`.
    func detect(in text: PHITokenizedText, claims: inout PHIClaims) {
        for at in 0..<text.count where text.isSymbol(at, "@") && text.isGlued(at) && text.isGlued(at + 1) {
            guard let start = localPartStart(before: at, in: text), let end = domainEnd(after: at, in: text) else { continue }
            claims.claim(start..<end, as: .email)
        }
    }

    /// The first token of the local part ending right before `at`.
    private func localPartStart(before at: Int, in text: PHITokenizedText) -> Int? {
        var start = at
        while start > 0, text.isGlued(start) {
            let token = text[start - 1]
            guard token.kind != .symbol || Self.localSymbols.contains(token.text) else { break }
            start -= 1
        }
        while start < at, text[start].kind == .symbol { start += 1 }
        return start < at ? start : nil
    }

    /// The index after the domain that starts right after `at`; it needs a dot and a top-level domain of letters.
    private func domainEnd(after at: Int, in text: PHITokenizedText) -> Int? {
        var end = at + 1
        var labels = 0
        while end < text.count, text.isGlued(end), text[end].kind != .symbol {
            labels += 1
            end += 1
            guard text.isSymbol(end, ".") || text.isSymbol(end, "-"), text.isGlued(end + 1), end + 1 < text.count,
                text[end + 1].kind != .symbol
            else { break }
            end += 1
        }
        guard labels >= 2, text[end - 1].kind == .word, text[end - 1].text.count >= 2 else { return nil }
        return end
    }
}
