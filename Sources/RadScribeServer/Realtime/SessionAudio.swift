import RadScribeSpeech

/// The 16 kHz audio of one dictation session, kept in memory (as 16-bit samples) for segment playback.
///
/// Only the newest `retentionSeconds` are kept; older audio is dropped as new audio arrives. Nothing is written to disk.
struct SessionAudio: Sendable {
    private let capacity: Int
    private var samples: [Int16] = []
    /// The stream offset of `samples[0]`.
    private var firstSample = 0

    init(retentionSeconds: Int) {
        capacity = retentionSeconds * Endpointer.sampleRate
    }

    /// The length of the session's audio so far, in samples (including audio no longer retained).
    var totalSamples: Int { firstSample + samples.count }

    mutating func append(_ audio: [Float]) {
        guard capacity > 0 else {
            firstSample += audio.count
            return
        }
        samples.reserveCapacity(samples.count + audio.count)
        for sample in audio {
            samples.append(Int16((max(-1, min(1, sample)) * Float(Int16.max)).rounded()))
        }
        let excess = samples.count - capacity
        if excess > capacity / 4 {
            samples.removeFirst(excess)
            firstSample += excess
        }
    }

    /// The audio between two session times in seconds, or `nil` when (part of) it is no longer retained.
    func clip(from start: Double, to end: Double) -> [Float]? {
        let from = Int((start * Double(Endpointer.sampleRate)).rounded(.down))
        let to = Int((end * Double(Endpointer.sampleRate)).rounded(.up))
        guard from >= firstSample, to > from, from < totalSamples else { return nil }
        let upper = min(to, totalSamples)
        let scale = 1 / Float(Int16.max)
        return samples[(from - firstSample)..<(upper - firstSample)].map { Float($0) * scale }
    }
}
