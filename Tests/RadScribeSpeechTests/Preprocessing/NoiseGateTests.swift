import RadScribeSpeech
import Testing

@Suite("Noise gate")
struct NoiseGateTests {
    @Test(arguments: [(-25.0, -55.0), (-45, -65), (-15, -40)])
    func attenuatesBackgroundBetweenWordsAndKeepsWords(speechLevel: Double, noiseLevel: Double) {
        let scene = DictationScene(speechLevel: speechLevel, noiseLevel: noiseLevel, burstCount: 5)
        let output = Signal.preprocessedWhole(scene.samples, options: .noiseGate)
        for pause in scene.settledPauses {
            #expect(Signal.level(scene.samples[pause]) - Signal.level(output[pause]) >= 15)
        }
        for burst in scene.bursts {
            #expect(abs(Signal.level(output[burst]) - Signal.level(scene.samples[burst])) <= 1)
            // The gate opens within milliseconds, without look-ahead: the first 20 ms of a word survive.
            let onset = burst.lowerBound..<burst.lowerBound + 320
            #expect(abs(Signal.level(output[onset]) - Signal.level(scene.samples[onset])) <= 1)
        }
    }

    @Test func closesAgainAfterBackgroundGetsLouder() {
        // A fan starts after 2 s and raises the background by 15 dB; the floor rises by 2.5 dB/s to meet it.
        let quiet = Signal.noise(levelDecibels: -60, count: 32_000, seed: 3)
        let loud = Signal.noise(levelDecibels: -45, count: 160_000, seed: 4)
        let input = quiet + loud
        let output = Signal.preprocessedWhole(input, options: .noiseGate)
        let lastSeconds = input.count - 32_000..<input.count
        #expect(Signal.level(input[lastSeconds]) - Signal.level(output[lastSeconds]) >= 15)
        let firstSecondOfFan = 32_000..<48_000
        #expect(abs(Signal.level(input[firstSecondOfFan]) - Signal.level(output[firstSecondOfFan])) < 1)
    }

    @Test func keepsDigitalSilenceAtZero() {
        let scene = DictationScene(speechLevel: -30, noiseLevel: nil, burstCount: 3)
        let output = Signal.preprocessedWhole(scene.samples, options: .noiseGate)
        #expect(zip(scene.samples, output).allSatisfy { $0 != 0 || $1 == 0 })
        #expect(abs(Signal.level(output[scene.bursts[2]]) - Signal.level(scene.samples[scene.bursts[2]])) <= 1)
    }
}
