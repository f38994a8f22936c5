import RadScribeSpeech
import Testing

@Suite("Level normalisation")
struct LevelNormalizationTests {
    /// The output level of the last three bursts, after the gain has settled.
    private func settledLevels(of scene: DictationScene, _ output: [Float]) -> [Double] {
        scene.bursts.suffix(3).map { Signal.level(output[$0]) }
    }

    @Test func raisesQuietDictationTowardsMinusTwentyDecibels() {
        let scene = DictationScene(speechLevel: -35, noiseLevel: -75, burstCount: 8)
        let output = Signal.preprocessedWhole(scene.samples, options: .levelNormalization)
        for level in settledLevels(of: scene, output) {
            #expect(abs(level - -20) < 1.5)
        }
        // The gain is decided from frames already heard: the first frame of speech passes at unity gain.
        let onset = scene.bursts[0].lowerBound..<scene.bursts[0].lowerBound + 320
        #expect(output[onset] == scene.samples[onset])
    }

    @Test func lowersLoudDictationByAtMostTenDecibels() {
        let scene = DictationScene(speechLevel: -4, noiseLevel: -50, burstCount: 6)
        let output = Signal.preprocessedWhole(scene.samples, options: .levelNormalization)
        for level in settledLevels(of: scene, output) {
            #expect(abs(level - -14) < 1)
        }
    }

    @Test func boostsFaintDictationByAtMostTwentyDecibels() {
        let scene = DictationScene(speechLevel: -46, noiseLevel: -80, burstCount: 8)
        let output = Signal.preprocessedWhole(scene.samples, options: .levelNormalization)
        for level in settledLevels(of: scene, output) {
            #expect(abs(level - -26) < 1)
        }
    }

    @Test func leavesDigitalSilenceAtZero() {
        let scene = DictationScene(speechLevel: -35, noiseLevel: nil, burstCount: 5)
        let output = Signal.preprocessedWhole(scene.samples, options: .levelNormalization)
        #expect(Signal.level(output[scene.bursts[4]]) > Signal.level(scene.samples[scene.bursts[4]]) + 10)
        #expect(zip(scene.samples, output).allSatisfy { $0 != 0 || $1 == 0 })
    }

    @Test(arguments: [-65.0, -40, -30])
    func leavesSteadyBackgroundNoiseUnchanged(noiseLevel: Double) {
        let noise = Signal.noise(levelDecibels: noiseLevel, count: 80_000, seed: 5)
        let output = Signal.preprocessedWhole(noise, options: .levelNormalization)
        #expect(output.count == noise.count)
        #expect(Signal.firstDifference(output, noise) == nil)
    }

    @Test func rampsGainWithoutSteps() throws {
        let tone = [Float](repeating: 0, count: 16_000) + Signal.sine(frequency: 440, sampleRate: 16_000, count: 48_000, amplitude: 0.025)
        let output = Signal.preprocessedWhole(tone, options: .levelNormalization)
        // The gain of each sample, where the tone is far enough from a zero crossing to divide by it.
        let gains = zip(tone, output).map { abs($0) > 0.0125 ? Double($1 / $0) : nil }
        let changes = zip(gains, gains.dropFirst()).compactMap { pair -> Double? in
            guard let previous = pair.0, let next = pair.1 else { return nil }
            return abs(next / previous - 1)
        }
        #expect(try #require(gains.last { $0 != nil } ?? nil) > 4)
        #expect(try #require(changes.max()) < 0.001)
    }
}
