import RadScribeCore

/// Recognises numbers written as words: "seven", "twenty-three", "dreiundzwanzig", "zweihundertfünfzig".
enum SpelledNumber {
    /// The German number parts as scalars, longest first so the search tries "sechzehn" before "sechs".
    private static let germanParts: [[Unicode.Scalar]] = RiskVocabulary.germanNumberParts
        .map { Array($0.unicodeScalars) }
        .sorted { $0.count > $1.count }
    private static let and = Array("und".unicodeScalars)

    /// Whether a folded word is a number word of `language`.
    static func isNumber(_ folded: String, language: Language) -> Bool {
        switch language {
        case .en:
            let parts = folded.split(separator: "-")
            return !parts.isEmpty && parts.allSatisfy { RiskVocabulary.englishNumbers.contains(String($0)) }
        case .de:
            return isGermanNumber(Array(folded.unicodeScalars))
        }
    }

    /// Whether the word splits completely into German number parts, with "und" only between two of them.
    private static func isGermanNumber(_ scalars: [Unicode.Scalar]) -> Bool {
        guard !scalars.isEmpty else { return false }
        // reachable[i]: scalars[..<i] splits into parts; endsWithAnd[i]: every such split ends in "und".
        var reachable = [Bool](repeating: false, count: scalars.count + 1)
        var endsWithAnd = [Bool](repeating: false, count: scalars.count + 1)
        reachable[0] = true
        for start in 0..<scalars.count where reachable[start] {
            for part in germanParts where start + part.count <= scalars.count && scalars[start..<(start + part.count)].elementsEqual(part) {
                let isAnd = part == and
                if isAnd && (start == 0 || endsWithAnd[start]) { continue }
                let end = start + part.count
                if !reachable[end] || endsWithAnd[end] {
                    reachable[end] = true
                    endsWithAnd[end] = isAnd
                }
            }
        }
        return reachable[scalars.count] && !endsWithAnd[scalars.count]
    }
}
