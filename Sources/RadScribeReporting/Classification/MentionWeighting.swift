import RadScribeCore

/// How much each word of a dictation counts as evidence of the exam being reported, by where it stands.
///
/// A dictation names other exams too: the one it is compared with ("Vergleich: CT vom 03/2023", "compared to the prior
/// CT"), the one it recommends ("MRT der LWS empfohlen", "CT could be performed for further evaluation"), and the
/// clinical history names diseases the exam is looking for rather than finding. Words in the body of a comparison or
/// recommendation section, from a comparison cue to the end of its sentence, and in a clause with a recommendation cue
/// (or the clause after a cue that is a clause of its own, "Empfehlung: MRT") count ``referenceFactor``; words under a
/// clinical-information header count ``historyFactor``; all others count 1. Text before the first header keeps full
/// weight whatever kind the segmenter gives it: it is typically the exam title.
enum MentionWeighting {
    /// Factor for words that refer to another exam.
    static let referenceFactor = 0.2
    /// Factor for words of the clinical information.
    static let historyFactor = 0.5

    /// Words that introduce an earlier exam; they also mark a section header as a comparison header.
    private static let comparisonCues = PhraseTable<Void>(words: [
        "vergleich", "vergleichs", "verglichen", "voraufnahme", "voraufnahmen", "voruntersuchung", "voruntersuchungen", "vorbefund",
        "vorbefunde", "vorbefunden", "vorangegangen*", "vorausgegangen*", "vorherig*", "früher*", "auswärtig*", "comparison", "comparisons",
        "compared", "compare", "comparing", "prior", "previous", "recent", "earlier", "dated",
    ])
    /// Words that recommend a further exam, or say what it could show.
    private static let recommendationCues = PhraseTable<Void>(words: [
        "empfohlen", "empfehle", "empfehlen", "empfiehlt", "empfehlung", "empfehlenswert", "angeraten", "anzuraten", "erwägen", "ggf",
        "gegebenenfalls", "sinnvoll", "hilfreich", "sollte", "könnte", "wäre", "weitere abklärung", "weiteren abklärung", "recommend",
        "recommends", "recommended", "recommendation", "suggest", "suggested", "consider", "considered", "advised", "advisable",
        "warranted", "helpful", "informative", "may be", "might be", "could be", "would be", "should be", "further evaluation",
        "further assessment", "further characterization", "further characterize", "further workup", "further work-up",
        "better evaluated", "if clinically indicated",
    ])

    /// The factor of every token of `text`.
    ///
    /// - Parameters:
    ///   - text: The folded dictation.
    ///   - sections: Its sections, with spans into the same text.
    static func factors(of text: FoldedText, sections: [ReportSection]) -> [Double] {
        var factors = [Double](repeating: 1, count: text.tokens.count)
        for section in sections {
            let factor: Double
            if section.kind == .recommendation || section.headerSpan.map({ names(comparisonIn: $0, of: text) }) == true {
                factor = referenceFactor
            } else if section.kind == .clinicalInformation, section.headerSpan != nil {
                factor = historyFactor
            } else {
                continue
            }
            for index in tokens(in: section.span, of: text) { factors[index] = min(factors[index], factor) }
        }
        var index = 0
        while index < text.tokens.count {
            if comparisonCues.contains(tokenAt: index, in: text) {
                let sentence = text.tokens[index].sentence
                while index < text.tokens.count, text.tokens[index].sentence == sentence {
                    factors[index] = min(factors[index], referenceFactor)
                    index += 1
                }
            } else if let cue = recommendationCues.match(at: index, in: text) {
                let clause = text.tokens[index].clause
                var start = index
                while start > 0, text.tokens[start - 1].clause == clause { start -= 1 }
                var end = index
                while end < text.tokens.count, text.tokens[end].clause == clause { end += 1 }
                if start == index, end == index + cue.tokenCount, end < text.tokens.count {
                    // The cue is a clause of its own ("Empfehlung: MRT", "ggf. Kontrolle"): it speaks about the next one.
                    let next = text.tokens[end].clause
                    while end < text.tokens.count, text.tokens[end].clause == next { end += 1 }
                }
                for position in start..<end { factors[position] = min(factors[position], referenceFactor) }
                index = end
            } else {
                index += 1
            }
        }
        return factors
    }

    /// Whether a header names a comparison ("Vergleich:", "Voraufnahmen:", "COMPARISON:").
    private static func names(comparisonIn header: TextSpan, of text: FoldedText) -> Bool {
        tokens(in: header, of: text).contains { comparisonCues.contains(tokenAt: $0, in: text) }
    }

    /// The tokens that start inside `span`.
    private static func tokens(in span: TextSpan, of text: FoldedText) -> Range<Int> {
        firstToken(startingAtOrAfter: span.start, in: text)..<firstToken(startingAtOrAfter: span.end, in: text)
    }

    private static func firstToken(startingAtOrAfter offset: Int, in text: FoldedText) -> Int {
        var low = 0
        var high = text.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if text.tokens[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
