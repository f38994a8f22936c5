extension PHITokenizedText {
    /// Whether the token at `index` can be (part of) a name of a person, street or city: a word of two or more letters
    /// without digits, not a listed non-name or unit, not an abbreviation like "Z.n.", and capitalised in every
    /// hyphenated part ("Müller-Lüdenscheidt", "O'Brien"), unless the whole text is caseless.
    ///
    /// - Parameter allowingAllCaps: Also accept a word in capitals ("MÜLLER"), as patient headers write surnames.
    func isNameLike(_ index: Int, allowingAllCaps: Bool = false) -> Bool {
        guard index >= 0, index < count else { return false }
        let token = self[index]
        guard token.kind == .word, token.digitCount == 0, token.text.unicodeScalars.count >= 2,
            !PHIVocabulary.nonNames.contains(token.key), !PHIVocabulary.units.contains(token.key)
        else { return false }
        let abbreviation = isSymbol(index + 1, ".") && isGlued(index + 1) && isGlued(index + 2) && self[index + 2].kind == .word
        guard !abbreviation else { return false }
        if isCaseless { return true }
        return token.text.split(separator: "-").allSatisfy { part in
            part.unicodeScalars.first?.properties.isUppercase == true
                && (allowingAllCaps || part.unicodeScalars.contains { $0.properties.isLowercase })
        }
    }
}
