import RadScribeSpeech
import Testing

@Suite("Endpointer")
struct EndpointerTests {
    private static let frame = 320

    /// Runs `samples` frame by frame and records each event with the end offset of the frame that raised it.
    private func run(
        _ samples: [Float],
        configuration: EndpointerConfiguration = EndpointerConfiguration()
    ) -> [(event: EndpointEvent, raisedAt: Int)] {
        var endpointer = Endpointer(configuration: configuration)
        let frameLength = configuration.frameDuration.sampleCount
        var events: [(EndpointEvent, Int)] = []
        var start = 0
        while start + frameLength <= samples.count {
            for event in endpointer.process(samples[start..<start + frameLength]) {
                events.append((event, start + frameLength))
            }
            start += frameLength
        }
        return events
    }

    /// Background noise with tone bursts over the given sample ranges.
    private func noiseWithBursts(_ bursts: [Range<Int>], count: Int, seed: UInt64 = 1) -> [Float] {
        var samples = Signal.noise(levelDecibels: -50, count: count, seed: seed)
        let tone = Signal.sine(frequency: 220, sampleRate: 16_000, count: count, amplitude: 0.3)
        for burst in bursts {
            for index in burst { samples[index] += tone[index] }
        }
        return samples
    }

    private func isNear(_ value: Int, _ expected: Int, tolerance: Int = frame) -> Bool {
        abs(value - expected) <= tolerance
    }

    @Test(arguments: [-60.0, -40.0, -25.0])
    func noiseAloneNeverStartsSpeech(level: Double) {
        #expect(run(Signal.noise(levelDecibels: level, count: 16_000 * 20, seed: 11)).isEmpty)
    }

    @Test func digitalSilenceNeverStartsSpeech() {
        #expect(run([Float](repeating: 0, count: 16_000 * 5)).isEmpty)
    }

    @Test func toneBurstInNoiseMarksStartOnsetAndEnd() throws {
        let events = run(noiseWithBursts([16_000..<32_000], count: 64_000))
        try #require(events.count == 3)
        guard case .speechStart(let start) = events[0].event,
            case .silenceOnset(let onset) = events[1].event,
            case .utteranceEnd(let utteranceStart, let utteranceEnd, .silence) = events[2].event
        else {
            Issue.record("unexpected events \(events.map(\.event))")
            return
        }
        #expect(isNear(start, 16_000))
        #expect(isNear(onset, 32_000))
        #expect(utteranceStart == start && utteranceEnd == onset)
        // The onset is reported by the first quiet frame, the end 500 ms later.
        #expect(isNear(events[1].raisedAt, 32_000 + Self.frame))
        #expect(isNear(events[2].raisedAt, onset + 8_000))
    }

    @Test func shortPauseGivesOnsetAndResumedButNoEnd() throws {
        let events = run(noiseWithBursts([16_000..<24_000, 27_200..<40_000], count: 64_000)).map(\.event)
        try #require(events.count == 5)
        #expect(events[0] == .speechStart(sampleOffset: 16_000))
        guard case .silenceOnset(let pause) = events[1], case .speechResumed(let resumed) = events[2],
            case .silenceOnset(let finalOnset) = events[3],
            case .utteranceEnd(16_000, let end, .silence) = events[4]
        else {
            Issue.record("unexpected events \(events)")
            return
        }
        #expect(isNear(pause, 24_000))
        #expect(isNear(resumed, 27_200))
        #expect(isNear(finalOnset, 40_000))
        #expect(end == finalOnset)
    }

    @Test func clicksShorterThanTheStartRunAreIgnored() {
        #expect(run(noiseWithBursts([16_000..<16_500, 32_000..<32_600], count: 48_000)).isEmpty)
    }

    @Test func forcedCutFiresAtMaximumLengthAndSpeechContinues() throws {
        let configuration = EndpointerConfiguration(maximumUtteranceDuration: .seconds(5))
        let events = run(noiseWithBursts([16_000..<(16_000 * 8)], count: 16_000 * 10), configuration: configuration)
        try #require(events.count >= 3)
        #expect(events[0].event == .speechStart(sampleOffset: 16_000))
        #expect(events[1].event == .utteranceEnd(startOffset: 16_000, endOffset: 96_000, reason: .maximumDuration))
        #expect(events[1].raisedAt == 96_000)
        #expect(events[2].event == .speechStart(sampleOffset: 96_000))
        #expect(events.last?.event == .utteranceEnd(startOffset: 96_000, endOffset: 128_000, reason: .silence))
    }

    @Test func defaultForcedCutIsThirtySeconds() {
        let events = run(noiseWithBursts([16_000..<(16_000 * 32)], count: 16_000 * 32))
        #expect(events.map(\.event).contains(.utteranceEnd(startOffset: 16_000, endOffset: 496_000, reason: .maximumDuration)))
    }

    @Test func worksWithThirtyMillisecondFramesAndCustomEndSilence() throws {
        let configuration = EndpointerConfiguration(frameDuration: .milliseconds30, utteranceEndSilence: .milliseconds(300))
        let events = run(noiseWithBursts([16_320..<32_160], count: 48_000), configuration: configuration)
        try #require(events.count == 3)
        #expect(events[0].event == .speechStart(sampleOffset: 16_320))
        #expect(events[1].event == .silenceOnset(sampleOffset: 32_160))
        #expect(isNear(events[2].raisedAt, 32_160 + 4_800, tolerance: 480))
    }

    @Test func adaptsToLouderAmbientNoise() {
        var samples = Signal.noise(levelDecibels: -30, count: 16_000 * 3, seed: 5)
        let quietBump = Signal.sine(frequency: 220, sampleRate: 16_000, count: 16_000, amplitude: 0.04)
        for index in 0..<16_000 { samples[16_000 + index] += quietBump[index] }
        var endpointer = Endpointer()
        #expect(endpointer.process(contentsOf: samples[..<16_000]).isEmpty)
        let floor = endpointer.noiseFloorLevel ?? 0
        #expect(abs(floor + 30) < 2)
        // A tone about 4 dB above the noise stays below the 10 dB speech threshold.
        #expect(endpointer.process(contentsOf: samples[16_000...]).isEmpty)
        #expect(!endpointer.isInUtterance)
    }

    @Test func arbitraryChunksGiveTheSameEventsAsFrames() {
        let samples = noiseWithBursts([8_000..<20_000, 23_000..<30_000], count: 50_000)
        var endpointer = Endpointer()
        var events: [EndpointEvent] = []
        for range in Signal.chunkRanges(count: samples.count, seed: 9) {
            events += endpointer.process(contentsOf: samples[range])
        }
        #expect(!events.isEmpty)
        #expect(events == run(samples).map(\.event))
    }
}
