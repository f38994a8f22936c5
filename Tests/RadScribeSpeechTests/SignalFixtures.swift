import Foundation

/// Synthetic test signals and measurements; deterministic so failures reproduce.
enum Signal {
    static func sine(frequency: Double, sampleRate: Int, count: Int, amplitude: Double = 0.5) -> [Float] {
        (0..<count).map { Float(amplitude * sin(2 * Double.pi * frequency * Double($0) / Double(sampleRate))) }
    }

    /// Uniform white noise with the given RMS level in dBFS (full-scale sine = -3 dBFS).
    static func noise(levelDecibels: Double, count: Int, seed: UInt64) -> [Float] {
        var generator = SplitMix64(seed: seed)
        let rms = pow(10, levelDecibels / 20)
        let peak = rms * 3.0.squareRoot()
        return (0..<count).map { _ in Float(Double.random(in: -peak...peak, using: &generator)) }
    }

    static func adding(_ a: [Float], _ b: [Float]) -> [Float] {
        zip(a, b).map { $0 + $1 }
    }

    /// The amplitude of the `frequency` component, by the Goertzel algorithm.
    static func goertzelAmplitude(_ samples: ArraySlice<Float>, frequency: Double, sampleRate: Int) -> Double {
        let coefficient = 2 * cos(2 * Double.pi * frequency / Double(sampleRate))
        var (previous, beforePrevious) = (0.0, 0.0)
        for sample in samples {
            (previous, beforePrevious) = (Double(sample) + coefficient * previous - beforePrevious, previous)
        }
        let power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
        return 2 * power.squareRoot() / Double(samples.count)
    }

    static func rms(_ samples: ArraySlice<Float>) -> Double {
        (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }

    static func zeroCrossings(_ samples: ArraySlice<Float>) -> Int {
        zip(samples, samples.dropFirst()).count { ($0 < 0) != ($1 < 0) }
    }

    static func decibels(_ ratio: Double) -> Double { 20 * log10(ratio) }

    /// Little-endian PCM16 bytes of interleaved channels.
    static func pcm16Bytes(_ channels: [[Float]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for frame in channels[0].indices {
            for channel in channels {
                let value = Int16(max(-32_768, min(32_767, (channel[frame] * 32_768).rounded())))
                bytes.append(UInt8(truncatingIfNeeded: value))
                bytes.append(UInt8(truncatingIfNeeded: value >> 8))
            }
        }
        return bytes
    }

    /// Little-endian Float32 bytes of interleaved channels.
    static func float32Bytes(_ channels: [[Float]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for frame in channels[0].indices {
            for channel in channels {
                let bits = channel[frame].bitPattern
                bytes.append(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: bits >> ($0 * 8)) })
            }
        }
        return bytes
    }

    /// Splits `count` items into chunks of varying, deterministic sizes, including empty and single-item chunks.
    static func chunkRanges(count: Int, seed: UInt64) -> [Range<Int>] {
        var generator = SplitMix64(seed: seed)
        var ranges: [Range<Int>] = []
        var start = 0
        while start < count {
            let size = [0, 1, 2, 3, 7, 160, 441, 1_000, 4_097].randomElement(using: &generator) ?? 1
            let end = min(count, start + size)
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}

/// A small seeded generator (Vigna's SplitMix64).
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
