import Foundation
import RadScribeSpeech

/// Speech-like bursts over steady background noise, like words of a dictation between pauses; deterministic.
struct DictationScene {
    /// 500 ms bursts…
    static let burstLength = 8_000
    /// …starting every 1.2 s, after a 600 ms lead-in.
    static let burstPeriod = 19_200
    static let firstBurstOffset = 9_600

    let samples: [Float]
    /// Where the bursts lie.
    let bursts: [Range<Int>]

    /// Creates a scene.
    ///
    /// - Parameters:
    ///   - speechLevel: The RMS level of each burst in dBFS (a full-scale sine is −3 dBFS).
    ///   - noiseLevel: The RMS level of the background in dBFS, or `nil` for digital silence.
    ///   - burstCount: How many bursts; the scene ends 600 ms after the last.
    ///   - seed: The seed of the noise.
    init(speechLevel: Double, noiseLevel: Double?, burstCount: Int, seed: UInt64 = 1) {
        let count = Self.firstBurstOffset + burstCount * Self.burstPeriod
        bursts = (0..<burstCount).map {
            let start = Self.firstBurstOffset + $0 * Self.burstPeriod
            return start..<start + Self.burstLength
        }
        var samples = noiseLevel.map { Signal.noise(levelDecibels: $0, count: count, seed: seed) } ?? Array(repeating: 0, count: count)
        let burst = Self.speechLikeBurst(levelDecibels: speechLevel, count: Self.burstLength)
        for range in bursts {
            for (offset, sample) in zip(range, burst) {
                samples[offset] += sample
            }
        }
        self.samples = samples
    }

    /// The pauses after each burst but the last, from 300 ms after the burst (past a gate's hold and release) to the
    /// next burst.
    var settledPauses: [Range<Int>] {
        zip(bursts, bursts.dropFirst()).map { $0.upperBound + 4_800..<$1.lowerBound }
    }

    /// A voiced, speech-like burst: a 120 Hz harmonic complex up to 3.6 kHz falling 6 dB per octave, modulated by a
    /// 4 Hz syllable rhythm that dips by 10 dB, with 10 ms raised-cosine edges, scaled to `levelDecibels` RMS.
    static func speechLikeBurst(levelDecibels: Double, count: Int) -> [Float] {
        let rate = Double(Endpointer.sampleRate)
        let edge = 160
        let raw = (0..<count).map { index -> Double in
            let time = Double(index) / rate
            let voice = (1...30).reduce(0.0) { $0 + sin(2 * Double.pi * 120 * Double($1) * time) / Double($1) }
            let syllable = 0.316 + 0.684 * pow(sin(Double.pi * 4 * time), 2)
            let distanceToEdge = min(index, count - 1 - index)
            let ramp = distanceToEdge < edge ? 0.5 - 0.5 * cos(Double.pi * Double(distanceToEdge) / Double(edge)) : 1
            return voice * syllable * ramp
        }
        let scale = pow(10, levelDecibels / 20) / (raw.reduce(0) { $0 + $1 * $1 } / Double(count)).squareRoot()
        return raw.map { Float($0 * scale) }
    }
}

extension Signal {
    /// The RMS level in dBFS.
    static func level(_ samples: ArraySlice<Float>) -> Double { decibels(rms(samples)) }

    /// The first index where two signals differ, so a failure names a sample instead of printing seconds of audio.
    static func firstDifference(_ a: [Float], _ b: [Float]) -> Int? {
        (0..<min(a.count, b.count)).first { a[$0] != b[$0] }
    }

    /// Runs `input` through a fresh preprocessor in chunks of varying sizes and joins the output.
    static func preprocessedInChunks(_ input: [Float], options: AudioPreprocessing, seed: UInt64) -> [Float] {
        var preprocessor = AudioPreprocessor(options)
        return chunkRanges(count: input.count, seed: seed).flatMap { preprocessor.process(Array(input[$0])) }
    }

    /// Runs `input` through a fresh preprocessor in one call.
    static func preprocessedWhole(_ input: [Float], options: AudioPreprocessing) -> [Float] {
        var preprocessor = AudioPreprocessor(options)
        return preprocessor.process(input)
    }
}
