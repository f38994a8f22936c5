import Foundation

/// Optional conditioning of the 16 kHz mono stream before the endpointer and the speech engine.
///
/// The stages of ``AudioPreprocessing`` run in order: pre-emphasis, noise gate, level normalisation; then samples are
/// clipped to −1…1. Every stage is causal and works sample by sample on state carried between calls, measuring levels
/// over 20 ms frames counted from the start of the stream and applying what it learnt to the samples that follow. So the
/// output adds no latency, has the length of the input, and is identical however the stream is cut into chunks. With no
/// stages the input is returned as it is.
///
/// ```swift
/// var preprocessor = AudioPreprocessor([.noiseGate, .levelNormalization])
/// let conditioned = preprocessor.process(resampledChunk)
/// ```
public struct AudioPreprocessor: Sendable {
    /// The stages this preprocessor runs.
    public let options: AudioPreprocessing
    private var preEmphasis: PreEmphasis?
    private var noiseGate: NoiseGate?
    private var levelNormalizer: LevelNormalizer?

    /// Creates a preprocessor at the start of a stream.
    ///
    /// - Parameter options: The stages to run; bits without a stage are dropped.
    public init(_ options: AudioPreprocessing) {
        self.options = options.intersection(.all)
        preEmphasis = options.contains(.preEmphasis) ? PreEmphasis() : nil
        noiseGate = options.contains(.noiseGate) ? NoiseGate() : nil
        levelNormalizer = options.contains(.levelNormalization) ? LevelNormalizer() : nil
    }

    /// Processes the next chunk of the stream.
    ///
    /// - Parameter samples: The next 16 kHz mono samples, of any length.
    /// - Returns: As many samples, in −1…1 when any stage runs; `samples` itself when none does.
    public mutating func process(_ samples: [Float]) -> [Float] {
        guard !options.isEmpty else { return samples }
        var output = samples
        output.withUnsafeMutableBufferPointer { buffer in
            preEmphasis?.process(buffer)
            noiseGate?.process(buffer)
            levelNormalizer?.process(buffer)
            for index in buffer.indices {
                buffer[index] = min(max(buffer[index], -1), 1)
            }
        }
        return output
    }
}

// MARK: - Stages

/// y[n] = x[n] − 0.97·x[n−1], with x[−1] = 0.
private struct PreEmphasis {
    private static let coefficient: Float = 0.97
    private var previous: Float = 0

    mutating func process(_ samples: UnsafeMutableBufferPointer<Float>) {
        for index in samples.indices {
            let sample = samples[index]
            samples[index] = sample - Self.coefficient * previous
            previous = sample
        }
    }
}

/// Attenuates audio that stays within 6 dB of the noise floor by 20 dB.
///
/// The floor is estimated per 20 ms frame. The gate opens on a 2 ms power envelope rather than on whole frames, with a
/// 1 ms attack, so it opens within milliseconds of a speech onset without looking ahead; it holds open for 100 ms after
/// the envelope falls back, then closes with a 50 ms release, so word endings and short stop closures pass.
private struct NoiseGate {
    private static let openMargin: Float = 6
    private static let closedGain: Float = 0.1
    private static let holdSampleCount = 1_600
    private static let envelopeRate = smoothingRate(timeConstant: 0.002)
    private static let attackRate = smoothingRate(timeConstant: 0.001)
    private static let releaseRate = smoothingRate(timeConstant: 0.05)

    private var meter = FrameMeter()
    private var floor = NoiseFloor()
    /// The envelope power that opens the gate; zero until the first frame has set a floor, so the stream starts open.
    private var threshold: Float = 0
    private var envelope: Float = 0
    private var holdRemaining = 0
    private var gain: Float = 1

    mutating func process(_ samples: UnsafeMutableBufferPointer<Float>) {
        // Local copies keep the per-sample state in registers and the lazily initialised rates out of the loop.
        var (envelope, holdRemaining, gain) = (self.envelope, self.holdRemaining, self.gain)
        let (envelopeRate, attackRate, releaseRate) = (Self.envelopeRate, Self.attackRate, Self.releaseRate)
        for index in samples.indices {
            let sample = samples[index]
            let power = sample * sample
            // The offset keeps the envelope of digital silence out of subnormal numbers, which are slow on x86.
            envelope += envelopeRate * (power + FrameMeter.silencePower - envelope)
            holdRemaining = envelope > threshold ? Self.holdSampleCount : max(holdRemaining - 1, 0)
            let target: Float = holdRemaining > 0 ? 1 : Self.closedGain
            gain += (target > gain ? attackRate : releaseRate) * (target - gain)
            samples[index] = sample * gain
            if let frameLevel = meter.add(power) {
                threshold = powerRatio(decibels: floor.follow(frameLevel) + Self.openMargin)
            }
        }
        (self.envelope, self.holdRemaining, self.gain) = (envelope, holdRemaining, gain)
    }
}

/// A slow automatic gain control towards −20 dBFS, within −10…+20 dB.
///
/// Only speech-like frames feed the level estimate: louder than −50 dBFS and at least 10 dB above the noise floor, so
/// silence and steady background never raise the gain. The estimate is a mean power over about 0.8 s of such frames;
/// the gain follows it by at most 0.25 dB per frame upwards and 1 dB downwards, interpolated sample by sample.
private struct LevelNormalizer {
    private static let targetLevel: Float = -20
    private static let minimumSpeechLevel: Float = -50
    private static let speechMargin: Float = 10
    private static let gainRange: ClosedRange<Float> = -10...20
    private static let averagingRate: Float = 1.0 / 40
    private static let maximumGainRise: Float = 0.25
    private static let maximumGainFall: Float = 1

    private var meter = FrameMeter()
    private var floor = NoiseFloor()
    /// The exponentially weighted speech power and the total weight, whose ratio is the level estimate; dividing by
    /// the weight makes the first speech frames count fully rather than averaging them with an imaginary history.
    private var weightedPower: Float = 0
    private var weight: Float = 0
    private var desiredGain: Float = 0
    private var gain: Float = 0
    private var frameStartGain: Float = 1
    private var frameEndGain: Float = 1
    private var gainStep: Float = 0

    mutating func process(_ samples: UnsafeMutableBufferPointer<Float>) {
        for index in samples.indices {
            let sample = samples[index]
            samples[index] = sample * (frameStartGain + gainStep * Float(meter.position))
            if let frameLevel = meter.add(sample * sample) {
                endFrame(level: frameLevel)
            }
        }
    }

    private mutating func endFrame(level: Float) {
        if let floorLevel = floor.level, level > Self.minimumSpeechLevel, level > floorLevel + Self.speechMargin {
            weightedPower += Self.averagingRate * (powerRatio(decibels: level) - weightedPower)
            weight += Self.averagingRate * (1 - weight)
            let speechLevel = 10 * log10(weightedPower / weight)
            desiredGain = min(max(Self.targetLevel - speechLevel, Self.gainRange.lowerBound), Self.gainRange.upperBound)
        }
        floor.follow(level)
        gain += min(max(desiredGain - gain, -Self.maximumGainFall), Self.maximumGainRise)
        frameStartGain = frameEndGain
        frameEndGain = pow(10, gain / 20)
        gainStep = (frameEndGain - frameStartGain) / Float(FrameMeter.length)
    }
}

// MARK: - Measurement

/// Cuts the stream into 20 ms frames, whatever the chunking, and measures their level.
private struct FrameMeter {
    /// 20 ms at 16 kHz.
    static let length = 320
    /// The power added before taking logarithms, so that digital silence measures −100 dBFS.
    static let silencePower: Float = 1e-10

    /// How many samples of the current frame have been added.
    private(set) var position = 0
    private var energy: Float = 0

    /// Adds one sample's power and returns the frame's level in dBFS (a full-scale square wave is 0 dBFS) when the
    /// sample completes a frame.
    mutating func add(_ power: Float) -> Float? {
        energy += power
        position += 1
        guard position == Self.length else { return nil }
        defer { (energy, position) = (0, 0) }
        return 10 * log10(energy / Float(Self.length) + Self.silencePower)
    }
}

/// A slowly adapting minimum of frame levels: it falls quickly to quieter frames and rises by only 2.5 dB/s, so it
/// follows the background in the pauses between words and not the speech.
private struct NoiseFloor {
    private static let fallRate: Float = 0.3
    private static let riseStep: Float = 0.05

    /// The floor in dBFS, or `nil` before the first frame.
    private(set) var level: Float?

    /// Moves the floor after one frame.
    ///
    /// - Parameter frameLevel: The frame's level in dBFS.
    /// - Returns: The new floor in dBFS.
    @discardableResult
    mutating func follow(_ frameLevel: Float) -> Float {
        let next: Float
        if let level {
            next = frameLevel < level ? level + Self.fallRate * (frameLevel - level) : min(frameLevel, level + Self.riseStep)
        } else {
            next = frameLevel
        }
        level = next
        return next
    }
}

/// The power ratio of a level in decibels.
private func powerRatio(decibels: Float) -> Float {
    pow(10, decibels / 10)
}

/// The per-sample rate of a one-pole smoother with the given time constant in seconds at 16 kHz.
private func smoothingRate(timeConstant: Double) -> Float {
    Float(1 - exp(-1 / (timeConstant * 16_000)))
}
