import RadScribeSpeech
import Testing

@Suite("Resampler")
struct ResamplerTests {
    /// Resamples a whole signal in one call and flushes.
    private func resampleWhole(_ samples: [Float], from rate: Int) -> [Float] {
        var resampler = Resampler(inputSampleRate: rate)
        return resampler.process(samples) + resampler.flush()
    }

    @Test func keepsFrequencyAndAmplitudeOfOneKilohertzToneFrom48k() {
        let output = resampleWhole(Signal.sine(frequency: 1_000, sampleRate: 48_000, count: 48_000), from: 48_000)
        #expect(output.count == 16_000)
        // 14 000 samples hold exactly 875 periods; the edges with filter ramp-up are left out.
        let steady = output[1_000..<15_000]
        let amplitude = Signal.goertzelAmplitude(steady, frequency: 1_000, sampleRate: 16_000)
        #expect(abs(Signal.decibels(amplitude / 0.5)) < 0.5)
        #expect(abs(Signal.zeroCrossings(steady) - 1_750) <= 2)
        #expect(Signal.goertzelAmplitude(steady, frequency: 1_100, sampleRate: 16_000) < 0.005)
    }

    @Test func attenuatesToneNearOutputNyquistFrom44k() {
        let output = resampleWhole(Signal.sine(frequency: 7_500, sampleRate: 44_100, count: 44_100), from: 44_100)
        let attenuation = Signal.decibels(Signal.rms(output[1_000..<15_000]) / (0.5 / 2.0.squareRoot()))
        #expect(attenuation < -40)
    }

    @Test(arguments: [(10_000.0, 48_000), (12_000.0, 44_100), (9_000.0, 22_050)])
    func suppressesAliasingOfToneAboveOutputNyquist(frequency: Double, rate: Int) {
        let output = resampleWhole(Signal.sine(frequency: frequency, sampleRate: rate, count: rate), from: rate)
        let attenuation = Signal.decibels(Signal.rms(output[1_000..<15_000]) / (0.5 / 2.0.squareRoot()))
        #expect(attenuation < -40)
    }

    @Test(arguments: [8_000, 11_025, 22_050, 24_000, 32_000, 44_100, 48_000])
    func chunkedOutputEqualsWholeOutput(rate: Int) {
        let input = Signal.adding(
            Signal.sine(frequency: 440, sampleRate: rate, count: rate / 2),
            Signal.noise(levelDecibels: -30, count: rate / 2, seed: 7)
        )
        let expected = resampleWhole(input, from: rate)
        var resampler = Resampler(inputSampleRate: rate)
        var output: [Float] = []
        for range in Signal.chunkRanges(count: input.count, seed: UInt64(rate)) {
            resampler.process(input[range], into: &output)
        }
        output += resampler.flush()
        #expect(output == expected)
    }

    @Test func upsamplesEightKilohertzTelephonyAudio() {
        let output = resampleWhole(Signal.sine(frequency: 1_000, sampleRate: 8_000, count: 8_000), from: 8_000)
        #expect(output.count == 16_000)
        let steady = output[1_000..<15_000]
        #expect(abs(Signal.decibels(Signal.goertzelAmplitude(steady, frequency: 1_000, sampleRate: 16_000) / 0.5)) < 0.5)
        #expect(abs(Signal.zeroCrossings(steady) - 1_750) <= 2)
    }

    @Test(arguments: [8_000, 11_025, 22_050, 32_000, 44_100, 47_999, 48_000])
    func outputLengthFollowsRateRatio(rate: Int) {
        let count = 12_345
        var resampler = Resampler(inputSampleRate: rate)
        let streamed = resampler.process([Float](repeating: 0.1, count: count)).count
        let total = streamed + resampler.flush().count
        let expected = (count * 16_000 + rate - 1) / rate
        #expect(total == expected)
        // Before the flush only the filter delay (well under 10 ms) is held back.
        #expect(expected - streamed < 160)
    }

    @Test(arguments: [8_000, 44_100, 48_000])
    func keepsUnitGainAtDirectCurrent(rate: Int) {
        let output = resampleWhole([Float](repeating: 0.25, count: rate), from: rate)
        for sample in output[500..<15_500] {
            #expect(abs(sample - 0.25) < 1e-4)
        }
    }

    @Test func passesSixteenKilohertzThroughUnchanged() {
        var resampler = Resampler(inputSampleRate: 16_000)
        let input = Signal.noise(levelDecibels: -20, count: 1_000, seed: 3)
        #expect(resampler.isPassThrough)
        #expect(resampler.process(input[..<400]) + resampler.process(input[400...]) == input)
        #expect(resampler.flush().isEmpty)
    }

    @Test func flushStartsAFreshStream() {
        let input = Signal.sine(frequency: 300, sampleRate: 48_000, count: 4_800)
        var resampler = Resampler(inputSampleRate: 48_000)
        let first = resampler.process(input) + resampler.flush()
        let second = resampler.process(input) + resampler.flush()
        #expect(first == second)
    }
}
