import RadScribeCore

/// Removes phrases of ``SilenceHallucinations`` that make up the whole output, or whole sentences at its start or
/// end ("Kein Pneumothorax. Vielen Dank." → "Kein Pneumothorax."). A phrase inside a sentence, or a sentence in the
/// middle of the dictation, is never touched.
enum SilenceHallucinationGuard {
    /// The phrases of one dictation language.
    private struct PhraseTable {
        /// The phrases' lookup keys (see ``phraseKey(_:)``).
        var keys: Set<String> = []
        /// The first key token of every phrase, which rules out most sentences before a key is built.
        var openers: Set<String> = []
    }

    private static let tables: [Language: PhraseTable] = Dictionary(
        uniqueKeysWithValues: Language.allCases.map { language in
            var table = PhraseTable()
            for phrase in SilenceHallucinations.anyLanguage + (SilenceHallucinations.byLanguage[language] ?? []) {
                let folded = phrase.split(whereSeparator: \.isWhitespace).map(WordFolding.fold).filter { !$0.isEmpty }
                table.keys.insert(phraseKey(folded))
                table.openers.insert(keyTokens(of: folded[0])[0])
            }
            return (language, table)
        }
    )
    /// The most words any phrase has; longer sentences are not looked up.
    private static let longestPhrase: Int = tables.values.lazy.flatMap(\.keys).map { $0.split(separator: " ").count }.max() ?? 0

    /// Removes hallucinated sentences at both ends and returns the number of words removed.
    static func apply(to words: inout GuardedWords, language: Language) -> Int {
        guard let table = tables[language] else { return 0 }
        let folded = words.folded
        let sentenceEnds = words.words.map { WordFolding.endsSentence($0.text) }
        func isHallucination(_ range: Range<Int>) -> Bool {
            range.count <= longestPhrase && !folded[range.lowerBound].isEmpty
                && table.openers.contains(keyTokens(of: folded[range.lowerBound])[0]) && table.keys.contains(phraseKey(folded[range]))
        }
        var start = 0
        var end = words.count
        var changed = true
        while changed, start < end {
            changed = false
            // The shortest trailing sentence first, so "… Danke. Tschüss." loses both, one after the other.
            let sentenceStarts = stride(from: end - 1, through: start, by: -1).lazy.filter { $0 == start || sentenceEnds[$0 - 1] }
            if let cut = sentenceStarts.prefix(while: { end - $0 <= longestPhrase }).first(where: { isHallucination($0..<end) }) {
                end = cut
                changed = true
            }
            let sentenceStops = (start..<end).lazy.map { $0 + 1 }.filter { $0 == end || sentenceEnds[$0 - 1] }
            if let cut = sentenceStops.prefix(while: { $0 - start <= longestPhrase }).first(where: { isHallucination(start..<$0) }) {
                start = cut
                changed = true
            }
        }
        words.remove([0..<start, end..<folded.count].filter { !$0.isEmpty })
        return folded.count - (end - start)
    }

    /// The lookup key of a phrase: its folded words' key tokens joined by spaces.
    private static func phraseKey(_ folded: some Sequence<String>) -> String {
        folded.lazy.flatMap(keyTokens).joined(separator: " ")
    }

    /// The key tokens of a non-empty folded word: its hyphen-separated parts, with any year from 1990 to 2039
    /// replaced by one marker.
    private static func keyTokens(of folded: String) -> [String] {
        folded.split(separator: "-").map { part in
            if part.utf8.count == 4, let year = Int(part), (1990...2039).contains(year) { "<year>" } else { String(part) }
        }
    }
}
