import RadScribeCore

/// Collapses a word or phrase that the decoder repeats in a loop ("kein Erguss kein Erguss kein Erguss …") to its
/// first occurrence, which keeps the punctuation of the loop's last word.
///
/// A phrase of up to ``TranscriptGuardConfiguration/maximumLoopPhraseLength`` words must occur
/// ``TranscriptGuardConfiguration/minimumPhraseLoopCount`` times in a row, a single word
/// ``TranscriptGuardConfiguration/minimumWordLoopCount`` times; one time fewer when the engine reported a compression
/// ratio above the threshold. Deliberate repetition in dictation ("links links", "L4/5 und L5/S1") stays.
struct RepetitionLoopGuard {
    private let maximumPhraseLength: Int
    private let minimumPhraseCount: Int
    private let minimumWordCount: Int

    init(configuration: TranscriptGuardConfiguration, repetitive: Bool) {
        let relief = repetitive ? 1 : 0
        maximumPhraseLength = configuration.maximumLoopPhraseLength
        minimumPhraseCount = max(2, configuration.minimumPhraseLoopCount - relief)
        minimumWordCount = max(2, configuration.minimumWordLoopCount - relief)
    }

    /// Collapses every loop and returns the number of words removed.
    func apply(to words: inout GuardedWords) -> Int {
        let folded = words.folded
        var removals: [Range<Int>] = []
        var punctuationSources: [(source: Int, target: Int)] = []
        var start = 0
        while start < folded.count {
            guard let loop = longestLoop(in: folded, at: start) else {
                start += 1
                continue
            }
            let end = start + loop.length * loop.count
            removals.append((start + loop.length)..<end)
            punctuationSources.append((source: end - 1, target: start + loop.length - 1))
            start = end
        }
        for pair in punctuationSources { words.copyTrailingPunctuation(from: pair.source, to: pair.target) }
        words.remove(removals)
        return removals.reduce(0) { $0 + $1.count }
    }

    /// The loop starting at `start` that removes the most words (the shortest phrase on a tie), if any.
    private func longestLoop(in folded: [String], at start: Int) -> (length: Int, count: Int)? {
        var best: (length: Int, count: Int)?
        var bestRemoved = 0
        let longest = min(maximumPhraseLength, (folded.count - start) / 2)
        guard longest >= 1, !folded[start].isEmpty else { return nil }
        for length in 1...longest {
            var count = 1
            while start + (count + 1) * length <= folded.count,
                (0..<length).allSatisfy({ folded[start + count * length + $0] == folded[start + $0] })
            {
                count += 1
            }
            let removed = (count - 1) * length
            if count >= (length == 1 ? minimumWordCount : minimumPhraseCount), removed > bestRemoved {
                best = (length, count)
                bestRemoved = removed
            }
        }
        return best
    }
}
