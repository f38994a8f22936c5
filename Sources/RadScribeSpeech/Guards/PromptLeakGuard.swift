import RadScribeCore

/// Removes words the decoder copied from its vocabulary prompt instead of hearing them.
///
/// The prompt is a comma-separated term list ("Pneumothorax, Pleuraerguss, Infiltrat, …"). A run of at least
/// ``TranscriptGuardConfiguration/minimumPromptLeakLength`` output words that equals consecutive prompt words (folded)
/// and spans at least two prompt terms is a leak, unless its timing sounds spoken (see
/// ``TranscriptGuardConfiguration/spokenWordDuration``): copied words are squeezed into a moment or stretched over
/// silence, while a radiologist listing "pneumothorax, pleural effusion, atelectasis" takes a fraction of a second a
/// word. An output that is nothing but the start of the prompt is removed whatever its timing. A run inside a single
/// term ("coronary artery bypass graft") is the vocabulary working as meant and always stays.
struct PromptLeakGuard {
    /// The prompt's folded words.
    private let promptWords: [String]
    /// The index of the term each prompt word belongs to.
    private let termIndex: [Int]
    private let minimumLength: Int
    private let spokenWordDuration: ClosedRange<Double>

    init(prompt: String, configuration: TranscriptGuardConfiguration) {
        var promptWords: [String] = []
        var termIndex: [Int] = []
        var term = 0
        var wordStart = prompt.utf8.startIndex
        // Splitting the UTF-8 bytes at ASCII commas and white space is several times faster than splitting Characters.
        for index in prompt.utf8.indices {
            let byte = prompt.utf8[index]
            guard byte == 0x2C || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { continue }
            Self.append(prompt[wordStart..<index], term: term, to: &promptWords, &termIndex)
            if byte == 0x2C { term += 1 }
            wordStart = prompt.utf8.index(after: index)
        }
        Self.append(prompt[wordStart...], term: term, to: &promptWords, &termIndex)
        self.promptWords = promptWords
        self.termIndex = termIndex
        minimumLength = configuration.minimumPromptLeakLength
        spokenWordDuration = configuration.spokenWordDuration
    }

    private static func append(_ word: Substring, term: Int, to words: inout [String], _ terms: inout [Int]) {
        let folded = WordFolding.fold(word)
        guard !folded.isEmpty else { return }
        words.append(folded)
        terms.append(term)
    }

    /// Removes every leaked run and returns the number of words removed.
    func apply(to words: inout GuardedWords) -> Int {
        let folded = words.folded
        if isPromptPrefix(folded) {
            words.remove([0..<folded.count])
            return folded.count
        }
        var removals: [Range<Int>] = []
        var start = 0
        while start < folded.count {
            guard let run = longestRun(in: folded, at: start) else {
                start += 1
                continue
            }
            if !soundsSpoken(words, run) { removals.append(run) }
            start = run.upperBound
        }
        words.remove(removals)
        return removals.reduce(0) { $0 + $1.count }
    }

    /// Whether the whole output is the prompt's first words, long enough and spanning two terms.
    private func isPromptPrefix(_ folded: [String]) -> Bool {
        folded.count >= minimumLength && folded.count <= promptWords.count && termIndex[folded.count - 1] != termIndex[0]
            && folded.elementsEqual(promptWords.prefix(folded.count))
    }

    /// The longest run from `start` that equals consecutive prompt words, if it qualifies as a possible leak.
    private func longestRun(in folded: [String], at start: Int) -> Range<Int>? {
        var best: Range<Int>?
        for position in promptWords.indices where promptWords[position] == folded[start] {
            var length = 1
            while start + length < folded.count, position + length < promptWords.count,
                folded[start + length] == promptWords[position + length]
            {
                length += 1
            }
            guard length >= minimumLength, termIndex[position + length - 1] != termIndex[position], length > best?.count ?? 0 else { continue }
            best = start..<(start + length)
        }
        return best
    }

    /// Whether the run's words take a plausible time per word for speech.
    private func soundsSpoken(_ words: GuardedWords, _ run: Range<Int>) -> Bool {
        guard words.hasTiming else { return false }
        let span = words.words[run.upperBound - 1].end - words.words[run.lowerBound].start
        return spokenWordDuration.contains(span / Double(run.count))
    }
}
