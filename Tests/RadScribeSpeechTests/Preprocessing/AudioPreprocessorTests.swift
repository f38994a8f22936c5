import Foundation
import RadScribeSpeech
import Testing

@Suite("Audio preprocessor")
struct AudioPreprocessorTests {
    /// 7.7 seconds of a dictation: digital silence, then speech-like bursts over background noise.
    private static let dictation: [Float] = {
        let silence = [Float](repeating: 0, count: 8_000)
        let quiet = DictationScene(speechLevel: -38, noiseLevel: -62, burstCount: 3, seed: 11).samples
        let loud = DictationScene(speechLevel: -12, noiseLevel: -45, burstCount: 2, seed: 12).samples
        return silence + quiet + loud
    }()

    @Test(arguments: [AudioPreprocessing.preEmphasis, .noiseGate, .levelNormalization, .all], [UInt64(1), 2, 3])
    func chunkedOutputEqualsWholeOutput(options: AudioPreprocessing, seed: UInt64) {
        let whole = Signal.preprocessedWhole(Self.dictation, options: options)
        let chunked = Signal.preprocessedInChunks(Self.dictation, options: options, seed: seed)
        #expect(whole.count == Self.dictation.count)
        #expect(chunked.count == whole.count)
        #expect(Signal.firstDifference(chunked, whole) == nil)
        #expect(Signal.firstDifference(whole, Self.dictation) != nil)
    }

    @Test func returnsInputUnchangedWithoutStages() {
        let input: [Float] = [0.5, -1.5, 0, 2, -0.25]
        var preprocessor = AudioPreprocessor([])
        #expect(preprocessor.process(input) == input)
        #expect(preprocessor.process([]) == [])
    }

    @Test func dropsMaskBitsWithoutStage() {
        let preprocessor = AudioPreprocessor(AudioPreprocessing(rawValue: 0b1010))
        #expect(preprocessor.options == .noiseGate)
    }

    @Test func appliesPreEmphasisToKnownSequence() {
        var preprocessor = AudioPreprocessor(.preEmphasis)
        let output = preprocessor.process([0.5, 0.25, -0.25, 0, 0.125])
        let expected: [Float] = [0.5, -0.235, -0.4925, 0.2425, 0.125]
        #expect(zip(output, expected).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(output.count == expected.count)
    }

    @Test func carriesPreEmphasisStateAcrossChunks() {
        var preprocessor = AudioPreprocessor(.preEmphasis)
        #expect(preprocessor.process([0.5]) == [0.5])
        #expect(preprocessor.process([]) == [])
        let next = preprocessor.process([0.25])
        #expect(abs(next[0] - -0.235) < 1e-6)
    }

    @Test(arguments: [100.0, 1_000, 4_000])
    func preEmphasisTiltsSpectrumAsTheFilterPredicts(frequency: Double) {
        let input = Signal.sine(frequency: frequency, sampleRate: 16_000, count: 16_000, amplitude: 0.25)
        let output = Signal.preprocessedWhole(input, options: .preEmphasis)
        // |1 − 0.97·e^(−jω)|: about −26 dB at 100 Hz, +2.9 dB at 4 kHz.
        let omega = 2 * Double.pi * frequency / 16_000
        let expected = Signal.decibels(((1 - 0.97 * cos(omega)) * (1 - 0.97 * cos(omega)) + 0.97 * sin(omega) * 0.97 * sin(omega)).squareRoot())
        let measured = Signal.decibels(
            Signal.goertzelAmplitude(output[1_000...], frequency: frequency, sampleRate: 16_000)
                / Signal.goertzelAmplitude(input[1_000...], frequency: frequency, sampleRate: 16_000)
        )
        #expect(abs(measured - expected) < 0.1)
    }

    @Test func clipsPreEmphasisOfFullScaleSquareWave() {
        let input = (0..<640).map { Float($0 / 8 % 2 == 0 ? 1 : -1) }
        let output = Signal.preprocessedWhole(input, options: .preEmphasis)
        #expect(output.allSatisfy { (-1...1).contains($0) })
        #expect(output[8] == -1)
        #expect(abs(output[9] - -0.03) < 1e-6)
    }
}
