/// The measurements of one streamed dictation.
struct DictationResult: Sendable, Equatable {
    var language: BenchLanguage
    /// Sentences spoken: the utterances the server should find.
    var sentences = 0
    /// Finals received (replayed ones and repeated segment ids not counted).
    var finals = 0
    /// Sentences that got a final after their end of speech: these give the latencies.
    var endedSentences = 0
    /// Finals that end inside a sentence's speech (an utterance cut while being spoken).
    var cutFinals = 0
    /// Finals that end before any speech.
    var silenceFinals = 0
    /// End of speech → final received, one per ended sentence (its first final).
    var latenciesMs: [Double] = []
    /// The `latencyMs` the server reported in each final.
    var serverLatenciesMs: [Double] = []
    /// The `decodeMs` of each final that has one.
    var decodeMs: [Double] = []
    /// `decodeMs` divided by the final's audio duration (`end − start`).
    var realTimeFactors: [Double] = []
    /// Latency − `decodeMs`, for ended sentences whose final has `decodeMs`.
    var overheadsMs: [Double] = []
    /// Server `latencyMs` − `decodeMs`, for finals that have both.
    var serverOverheadsMs: [Double] = []
    /// The `waitMs` of each final that has one: silence onset → final decode sent to the engine.
    var waitsMs: [Double] = []
    /// Server `latencyMs` − `waitMs` − `decodeMs`: the server's own work after the decode (guards, normalisation,
    /// storage, sending), for finals that have all three.
    var processingMs: [Double] = []
    /// Time between consecutive partials of the same segment.
    var partialIntervalsMs: [Double] = []
    var wordErrors = WordErrorCount()
    var termsFound = 0
    var termsExpected = 0
    var errorTypes: [String] = []
    /// The `state` of each `engine_status` message.
    var engineStates: [String] = []
    var outcome = DictationRecording.Outcome.stopped

    /// Measures a dictation from what the server sent while it was streamed.
    /// - Parameters:
    ///   - dictation: what was spoken and what should come back.
    ///   - speech: where each sentence's speech lies in the session audio.
    ///   - recording: what the server sent, and when.
    ///   - matcher: assigns finals to sentences.
    init(dictation: BenchDictation, speech: [SpeechSpan], recording: DictationRecording, matcher: FinalMatcher) {
        language = dictation.language
        sentences = dictation.sentences.count
        errorTypes = recording.errorTypes
        engineStates = recording.engineStates
        outcome = recording.outcome
        let finals = Self.distinctFinals(recording.updates)
        self.finals = finals.count
        var answered = Set<Int>()
        for final in finals {
            let update = final.update
            if let latency = update.latencyMs { serverLatenciesMs.append(latency) }
            if let wait = update.waitMs { waitsMs.append(wait) }
            if let decode = update.decodeMs {
                decodeMs.append(decode)
                if let latency = update.latencyMs { serverOverheadsMs.append(latency - decode) }
                if let latency = update.latencyMs, let wait = update.waitMs { processingMs.append(latency - wait - decode) }
                if let start = update.start, let end = update.end, end > start { realTimeFactors.append(decode / ((end - start) * 1000)) }
            }
            guard let end = update.end else { continue }
            switch matcher.match(finalEndingAt: end) {
            case .endOfSentence(let sentence):
                guard answered.insert(sentence).inserted, let speechEnd = recording.speechEndSentAt[sentence] else { continue }
                let latency = Self.milliseconds(final.receivedAt - speechEnd)
                latenciesMs.append(latency)
                if let decode = update.decodeMs { overheadsMs.append(latency - decode) }
            case .insideSentence: cutFinals += 1
            case .beforeSpeech: silenceFinals += 1
            }
        }
        endedSentences = answered.count
        partialIntervalsMs = Self.partialIntervals(recording.updates)
        let recognised = finals.sorted { $0.update.segmentId < $1.update.segmentId }.map(\.update.text).joined(separator: " ")
        wordErrors = WordErrorCount(reference: dictation.writtenText, hypothesis: recognised)
        let lowercased = recognised.lowercased()
        termsExpected = dictation.terms.count
        termsFound = dictation.terms.filter { lowercased.contains($0.lowercased()) }.count
    }

    /// The finals in arrival order, without replayed ones and without a repeated segment id.
    static func distinctFinals(_ updates: [TimedUpdate]) -> [TimedUpdate] {
        var seen = Set<Int>()
        return updates.filter { timed in
            timed.update.kind == .final && timed.update.replayed != true && seen.insert(timed.update.segmentId).inserted
        }
    }

    /// The time between each partial and the previous partial of the same segment, in milliseconds.
    static func partialIntervals(_ updates: [TimedUpdate]) -> [Double] {
        var previous: [Int: Duration] = [:]
        var intervals: [Double] = []
        for timed in updates where timed.update.kind == .partial {
            if let last = previous[timed.update.segmentId] { intervals.append(milliseconds(timed.receivedAt - last)) }
            previous[timed.update.segmentId] = timed.receivedAt
        }
        return intervals
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        duration / .milliseconds(1)
    }
}
