/// Assigns a final to the sentence whose end of speech it transcribes, from the final's `end` in session audio.
///
/// A final belongs to the sentence whose speech ended most recently before the final's end. The engine's word
/// timestamps may put that end a little before the true end of speech, so a sentence counts as ended from
/// `tolerance` seconds before its last speech sample. A final that ends after the next sentence's speech began
/// (that sentence not yet ended) was cut inside that sentence: it ends no speech, so it gets no latency.
struct FinalMatcher: Sendable {
    /// Where a final's end lies.
    enum Match: Sendable, Equatable {
        /// After the end of this sentence's speech (and before the next one's speech began).
        case endOfSentence(Int)
        /// Inside this sentence's speech: the server cut an utterance while it was being spoken.
        case insideSentence(Int)
        /// Before any speech: the final transcribes silence.
        case beforeSpeech
    }

    /// The sentences' speech, in session order.
    var speech: [SpeechSpan]
    /// How far (seconds) a final's end may lie before the end of speech and still count as after it.
    var tolerance = 0.5

    /// Where a final ending at `end` (seconds of session audio) lies.
    func match(finalEndingAt end: Double) -> Match {
        let ended = speech.lastIndex { $0.end - tolerance <= end }
        let next = ended.map { $0 + 1 } ?? 0
        if next < speech.count, end > speech[next].start {
            return .insideSentence(next)
        }
        return ended.map(Match.endOfSentence) ?? .beforeSpeech
    }
}
