/// A streaming polyphase resampler to the 16 kHz mono stream the speech worker expects.
///
/// Input chunks may have any length: the resampler keeps the filter history between calls, so the concatenated output
/// of chunked input is identical to the output of the whole input. Output lags the input by half the filter length;
/// ``flush()`` releases the tail at the end of a stream. At 16 kHz input the samples pass through untouched.
public struct Resampler: Sendable {
    /// The sample rate the speech pipeline works at, in hertz.
    public static let speechSampleRate = 16_000

    /// The input sample rate, in hertz.
    public let inputSampleRate: Int
    /// The output sample rate, in hertz.
    public let outputSampleRate: Int
    private let interpolation: Int
    private let decimation: Int
    private let filter: PolyphaseFilterBank?
    private var history: [Float]
    /// The absolute input index of `history[0]`; negative indices are the zero padding before the stream.
    private var historyStart: Int
    private var nextInputIndex = 0
    private var nextPhase = 0
    private var inputCount = 0
    private var outputCount = 0

    /// Creates a resampler.
    ///
    /// - Parameters:
    ///   - inputSampleRate: The rate of the incoming samples, in hertz; must be positive.
    ///   - outputSampleRate: The rate to produce, in hertz; 16 kHz unless stated.
    public init(inputSampleRate: Int, outputSampleRate: Int = Resampler.speechSampleRate) {
        precondition(inputSampleRate > 0 && outputSampleRate > 0, "sample rates must be positive")
        self.inputSampleRate = inputSampleRate
        self.outputSampleRate = outputSampleRate
        let divisor = Self.greatestCommonDivisor(inputSampleRate, outputSampleRate)
        interpolation = outputSampleRate / divisor
        decimation = inputSampleRate / divisor
        if inputSampleRate == outputSampleRate {
            filter = nil
            history = []
            historyStart = 0
        } else {
            let filter = PolyphaseFilterBank(
                inputSampleRate: inputSampleRate,
                outputSampleRate: outputSampleRate,
                interpolation: interpolation
            )
            self.filter = filter
            history = [Float](repeating: 0, count: filter.halfWidth - 1)
            historyStart = 1 - filter.halfWidth
        }
    }

    /// Whether input passes through unchanged because the rates match.
    public var isPassThrough: Bool { filter == nil }

    /// Resamples one chunk and returns the output samples it completes.
    ///
    /// - Parameter samples: The next input samples.
    /// - Returns: The output samples whose filter window is now complete.
    public mutating func process(_ samples: some Collection<Float>) -> [Float] {
        var output: [Float] = []
        process(samples, into: &output)
        return output
    }

    /// Resamples one chunk and appends the output samples it completes to `output`.
    ///
    /// - Parameters:
    ///   - samples: The next input samples.
    ///   - output: The buffer the output samples are appended to.
    public mutating func process(_ samples: some Collection<Float>, into output: inout [Float]) {
        inputCount += samples.count
        guard let filter else {
            output.append(contentsOf: samples)
            outputCount += samples.count
            return
        }
        history.append(contentsOf: samples)
        emit(using: filter, upTo: Int.max, into: &output)
    }

    /// Ends the stream: returns the remaining output samples and makes the resampler ready for a new stream.
    ///
    /// After a flush the stream has produced `ceil(inputCount × outputRate / inputRate)` samples in total.
    ///
    /// - Returns: The samples still held back by the filter delay.
    public mutating func flush() -> [Float] {
        var output: [Float] = []
        if let filter {
            history.append(contentsOf: repeatElement(0, count: filter.halfWidth + 1))
            let total = (inputCount * interpolation + decimation - 1) / decimation
            emit(using: filter, upTo: total, into: &output)
        }
        self = Resampler(inputSampleRate: inputSampleRate, outputSampleRate: outputSampleRate)
        return output
    }

    private mutating func emit(using filter: PolyphaseFilterBank, upTo totalOutputCount: Int, into output: inout [Float]) {
        let halfWidth = filter.halfWidth
        let tapCount = filter.tapCount
        let available = historyStart + history.count
        let wholeStep = decimation / interpolation
        let fractionStep = decimation % interpolation
        let phaseScale = filter.phaseCount
        history.withUnsafeBufferPointer { input in
            filter.taps.withUnsafeBufferPointer { taps in
                guard let inputBase = input.baseAddress, let tapBase = taps.baseAddress else { return }
                while nextInputIndex + halfWidth < available && outputCount < totalOutputCount {
                    let row = nextPhase * phaseScale / interpolation
                    let first = nextInputIndex - halfWidth + 1 - historyStart
                    output.append(Self.dot(inputBase + first, tapBase + row * tapCount, count: tapCount))
                    outputCount += 1
                    nextInputIndex += wholeStep
                    nextPhase += fractionStep
                    if nextPhase >= interpolation {
                        nextPhase -= interpolation
                        nextInputIndex += 1
                    }
                }
            }
        }
        let consumed = min(nextInputIndex - halfWidth + 1 - historyStart, history.count)
        if consumed > 0 {
            history.removeFirst(consumed)
            historyStart += consumed
        }
    }

    /// A dot product over `count` floats, `count` a multiple of 8.
    ///
    /// Two accumulators hide part of the add latency; more were measured slower because of register spills.
    /// Multiply-then-add rather than `addingProduct`, which becomes a library `fmaf` call on CPUs built without FMA.
    @inline(__always)
    private static func dot(_ x: UnsafePointer<Float>, _ h: UnsafePointer<Float>, count: Int) -> Float {
        @inline(__always)
        func product(at index: Int) -> SIMD8<Float> {
            UnsafeRawPointer(x + index).loadUnaligned(as: SIMD8<Float>.self)
                * UnsafeRawPointer(h + index).loadUnaligned(as: SIMD8<Float>.self)
        }
        var low = SIMD8<Float>()
        var high = SIMD8<Float>()
        var index = 0
        while index + 16 <= count {
            low += product(at: index)
            high += product(at: index + 8)
            index += 16
        }
        if index < count {
            low += product(at: index)
        }
        return (low + high).sum()
    }

    private static func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
