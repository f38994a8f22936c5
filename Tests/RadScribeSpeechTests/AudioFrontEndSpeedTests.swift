import RadScribeSpeech
import Testing

/// Prints the cost of the audio front end; it measures, it does not assert timing.
@Suite("Audio front-end speed")
struct AudioFrontEndSpeedTests {
    @Test func printsCostOfOneSecondOf48kStereoPCM16() throws {
        // Noise with a 400 ms tone burst in the middle, so the endpointer has work to do every second.
        let tone = Signal.sine(frequency: 220, sampleRate: 48_000, count: 48_000, amplitude: 0.3)
        let channel = Signal.adding(
            tone.indices.map { (14_400..<33_600).contains($0) ? tone[$0] : 0 },
            Signal.noise(levelDecibels: -45, count: 48_000, seed: 2)
        )
        let bytes = Signal.pcm16Bytes([channel, channel])
        let format = try AudioFormat(sampleRate: 48_000, channelCount: 2, encoding: .pcm16le)
        var decoder = PCMDecoder(format: format)
        var resampler = Resampler(inputSampleRate: 48_000)
        var endpointer = Endpointer()
        var decoded: [Float] = []
        var resampled: [Float] = []
        var eventCount = 0
        var stages = [[Duration]](repeating: [], count: 3)
        let clock = ContinuousClock()
        let chunkSize = 3_840  // 20 ms of 48 kHz stereo PCM16, as a client would stream it
        for _ in 0..<30 {
            var stage = [Duration](repeating: .zero, count: 3)
            for start in stride(from: 0, to: bytes.count, by: chunkSize) {
                decoded.removeAll(keepingCapacity: true)
                resampled.removeAll(keepingCapacity: true)
                let decodeStart = clock.now
                try decoder.decode(bytes[start..<min(start + chunkSize, bytes.count)], into: &decoded)
                let resampleStart = clock.now
                resampler.process(decoded, into: &resampled)
                let endpointStart = clock.now
                eventCount += endpointer.process(contentsOf: resampled).count
                let end = clock.now
                stage[0] += resampleStart - decodeStart
                stage[1] += endpointStart - resampleStart
                stage[2] += end - endpointStart
            }
            for index in stage.indices { stages[index].append(stage[index]) }
        }
        let medians = stages.map { $0.sorted()[15] }
        let total = medians.reduce(.zero, +)
        print(
            "audio front end, 1 s of 48 kHz stereo PCM16 in 20 ms chunks (median of 30): total \(total), "
                + "decode \(medians[0]), resample \(medians[1]), endpoint \(medians[2]), events \(eventCount)"
        )
        #expect(eventCount > 0)
    }
}
