/// A change in voice activity reported by ``Endpointer``.
///
/// All offsets count samples at 16 kHz from the start of the stream.
public enum EndpointEvent: Sendable, Hashable {
    /// Why an utterance ended.
    public enum EndReason: Sendable, Hashable {
        /// Trailing silence lasted ``EndpointerConfiguration/utteranceEndSilence``.
        case silence
        /// The utterance reached ``EndpointerConfiguration/maximumUtteranceDuration`` and was cut.
        case maximumDuration
    }

    /// Speech began at `sampleOffset`, the first sample of the first voiced frame.
    case speechStart(sampleOffset: Int)
    /// Trailing silence began at `sampleOffset`; a speculative final decode of the audio before it may start now.
    case silenceOnset(sampleOffset: Int)
    /// Speech returned at `sampleOffset` after a silence onset; a speculative decode started at the onset is stale.
    case speechResumed(sampleOffset: Int)
    /// The utterance spanning `startOffset..<endOffset` is complete; for ``EndReason/silence`` `endOffset` is where the
    /// trailing silence began.
    case utteranceEnd(startOffset: Int, endOffset: Int, reason: EndReason)
}
