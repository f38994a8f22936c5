import RadScribeSpeech

/// The 16 kHz audio of one dictation session, kept in memory (as 16-bit samples) for segment playback.
///
/// Audio is kept for at most `retentionSeconds` after it arrived; older audio is dropped on every access. Nothing is
/// written to disk.
struct SessionAudio: Sendable {
    /// Audio as it arrived.
    private struct Chunk: Sendable {
        var firstSample: Int
        var arrivedAt: ContinuousClock.Instant
        var samples: [Int16]
    }

    private let retention: Duration
    private var chunks: [Chunk] = []
    /// The length of the session's audio so far, in samples (including audio no longer retained).
    private(set) var totalSamples = 0

    init(retentionSeconds: Int) {
        retention = .seconds(retentionSeconds)
    }

    mutating func append(_ audio: [Float], now: ContinuousClock.Instant = .now) {
        expire(now: now)
        if retention > .zero, !audio.isEmpty {
            let samples = audio.map { Int16((max(-1, min(1, $0)) * Float(Int16.max)).rounded()) }
            chunks.append(Chunk(firstSample: totalSamples, arrivedAt: now, samples: samples))
        }
        totalSamples += audio.count
    }

    /// The audio between two session times in seconds, or `nil` when (part of) it is no longer retained.
    mutating func clip(from start: Double, to end: Double, now: ContinuousClock.Instant = .now) -> [Float]? {
        expire(now: now)
        let from = Int((start * Double(Endpointer.sampleRate)).rounded(.down))
        let to = min(Int((end * Double(Endpointer.sampleRate)).rounded(.up)), totalSamples)
        guard let first = chunks.first, from >= first.firstSample, to > from else { return nil }
        let scale = 1 / Float(Int16.max)
        var clip: [Float] = []
        clip.reserveCapacity(to - from)
        for chunk in chunks where chunk.firstSample < to && chunk.firstSample + chunk.samples.count > from {
            let lower = max(from, chunk.firstSample) - chunk.firstSample
            let upper = min(to, chunk.firstSample + chunk.samples.count) - chunk.firstSample
            clip += chunk.samples[lower..<upper].map { Float($0) * scale }
        }
        return clip
    }

    private mutating func expire(now: ContinuousClock.Instant) {
        let cutoff = now - retention
        if let keep = chunks.firstIndex(where: { $0.arrivedAt > cutoff }) {
            chunks.removeFirst(keep)
        } else {
            chunks.removeAll()
        }
    }
}
