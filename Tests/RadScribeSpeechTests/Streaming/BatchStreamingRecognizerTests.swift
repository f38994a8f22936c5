import Foundation
import RadScribeCore
import RadScribeSpeech
import Synchronization
import Testing

/// A batch engine for policy tests: it "hears" one word per 0.25 s of clip (`w0 w1 …`), can fail its first final
/// decodes, and records what it was asked. Partial and final requests look alike, as they do to a real engine.
private final class CountingTranscriber: BatchTranscriber, Sendable {
    private let state = Mutex<(calls: Int, failures: Int, durations: [Double])>((0, 0, []))
    private let failingCalls: Set<Int>
    private let failingClipsShorterThan: Double
    private let failure: SpeechEngineError
    private let delay: Duration

    init(
        failingCalls: Set<Int> = [],
        failingClipsShorterThan: Double = 0,
        failure: SpeechEngineError = SpeechEngineError(.unavailable, "down"),
        delay: Duration = .zero
    ) {
        self.failingCalls = failingCalls
        self.failingClipsShorterThan = failingClipsShorterThan
        self.failure = failure
        self.delay = delay
    }

    var durations: [Double] { state.withLock { $0.durations } }

    func transcribe(_ request: TranscriptionRequest) async throws(SpeechEngineError) -> Transcription {
        let call = state.withLock { state in
            state.calls += 1
            state.durations.append(request.duration)
            return state.calls
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        if failingCalls.contains(call) || request.duration < failingClipsShorterThan { throw failure }
        let count = max(1, Int(request.duration / 0.25))
        let words = (0..<count).map { RecognizedWord(text: "w\($0)", start: Double($0) * 0.25, end: Double($0 + 1) * 0.25, confidence: 0.9) }
        return Transcription(text: words.map(\.text).joined(separator: " "), words: words)
    }
}

/// A batch engine whose low-priority (partial) decodes hang until released, like partials running on a busy engine;
/// normal decodes answer at once. It records the priority of every request.
private final class GatedTranscriber: BatchTranscriber, Sendable {
    private let state = Mutex<(priorities: [DecodePriority], waiting: Int, isOpen: Bool)>(([], 0, false))

    var priorities: [DecodePriority] { state.withLock { $0.priorities } }
    var waitingPartials: Int { state.withLock { $0.waiting } }

    func open() { state.withLock { $0.isOpen = true } }

    func transcribe(_ request: TranscriptionRequest) async throws(SpeechEngineError) -> Transcription {
        state.withLock { $0.priorities.append(request.priority) }
        if request.priority == .low {
            state.withLock { $0.waiting += 1 }
            while !state.withLock({ $0.isOpen }) {
                try? await Task.sleep(for: .milliseconds(5))
            }
            state.withLock { $0.waiting -= 1 }
        }
        return Transcription(text: "w0", words: [RecognizedWord(text: "w0", start: 0, end: 0.25, confidence: 0.9)])
    }
}

private enum Audio {
    static func tone(_ seconds: Double) -> [Float] {
        (0..<Int(seconds * 16_000)).map { index -> Float in
            let phase = 2 * Double.pi * 220 * Double(index) / 16_000
            return Float(0.3 * sin(phase))
        }
    }

    static func silence(_ seconds: Double) -> [Float] { [Float](repeating: 0, count: Int(seconds * 16_000)) }
}

@Suite("Batch streaming recognizer")
struct BatchStreamingRecognizerTests {
    /// Feeds audio in 20 ms chunks, finishes, and returns every event.
    private func run(
        _ audio: [Float],
        transcriber: some BatchTranscriber,
        policy: StreamingPolicy = StreamingPolicy(initialRetryDelay: .milliseconds(10)),
        pace: Duration = .zero
    ) async -> [RecognitionEvent] {
        let recognizer = BatchStreamingRecognizer(
            transcriber: transcriber,
            configuration: RecognitionConfiguration(language: .en),
            policy: policy
        )
        let collected = Task {
            var events: [RecognitionEvent] = []
            for await event in recognizer.events { events.append(event) }
            return events
        }
        var offset = 0
        while offset < audio.count {
            let end = min(offset + 320, audio.count)
            await recognizer.accept(Array(audio[offset..<end]))
            offset = end
            if pace > .zero {
                try? await Task.sleep(for: pace)
            } else {
                await Task.yield()
            }
        }
        await recognizer.finish()
        return await collected.value
    }

    private func finals(_ events: [RecognitionEvent]) -> [UtteranceTranscript] {
        events.compactMap {
            if case .final(let final) = $0 { return final }
            return nil
        }
    }

    @Test func givesOneFinalPerUtteranceInOrderOnTheStreamClock() async {
        let audio = Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.8) + Audio.tone(1.5) + Audio.silence(0.8)
        let events = await run(audio, transcriber: CountingTranscriber())
        let finals = finals(events)
        #expect(finals.map(\.utteranceIndex) == [0, 1])
        #expect(abs(finals[0].start - 0.1) < 0.05, "speech start minus the 200 ms pre-roll")
        #expect(abs(finals[1].end - 3.6) < 0.1, "the second utterance ends at its silence onset")
        #expect(finals[1].words.first.map { $0.start >= finals[1].start } == true, "word times are moved to the stream clock")
    }

    @Test func partialsCommitOnlyWhatTwoDecodesAgreeOn() async {
        let audio = Audio.silence(0.3) + Audio.tone(3.0) + Audio.silence(0.8)
        // Fed at a quarter of real time, so decodes (1 ms each) happen while the utterance is still being spoken.
        let events = await run(audio, transcriber: CountingTranscriber(delay: .milliseconds(1)), pace: .milliseconds(5))
        let partials = events.compactMap { event -> PartialHypothesis? in
            if case .partial(let partial) = event { return partial }
            return nil
        }
        #expect(partials.count >= 2)
        let committed = partials.map(\.committedWords.count)
        #expect(committed == committed.sorted(), "committed words never shrink")
        #expect(partials.first?.committedWords.isEmpty == true, "one decode alone commits nothing")
        #expect(partials.allSatisfy { $0.utteranceIndex == 0 })
    }

    @Test func aSpeculativeFinalIsDiscardedWhenSpeechResumes() async {
        // A 300 ms pause is a silence onset but not an end: the final must cover both halves.
        let audio = Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.8)
        let finals = finals(await run(audio, transcriber: CountingTranscriber()))
        #expect(finals.count == 1)
        #expect(finals.first.map { $0.end > 2.5 } == true)
    }

    @Test(.timeLimit(.minutes(1))) func aFinalDoesNotWaitForAPartialStillDecoding() async throws {
        let transcriber = GatedTranscriber()
        let recognizer = BatchStreamingRecognizer(transcriber: transcriber, configuration: RecognitionConfiguration(language: .en))
        let finalArrived = Task {
            for await event in recognizer.events {
                if case .final = event { return true }
            }
            return false
        }
        await recognizer.accept(Audio.silence(0.3) + Audio.tone(1.0))
        while transcriber.waitingPartials == 0 {
            try await Task.sleep(for: .milliseconds(5))
        }
        await recognizer.accept(Audio.silence(0.8))
        #expect(await finalArrived.value, "the final came while the partial was still decoding")
        #expect(transcriber.waitingPartials == 1)
        transcriber.open()
        await recognizer.finish()
        #expect(transcriber.priorities.first == .low, "partials ask for low priority")
        #expect(transcriber.priorities.dropFirst().allSatisfy { $0 == .normal }, "finals ask for normal priority")
    }

    @Test func aDiscardedSpeculativeFinalStillServesAsAPartial() async {
        // Partials are off: a partial can only come from the speculative decode of the first half, which finishes
        // after speech has resumed.
        let audio = Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.8)
        let events = await run(
            audio,
            transcriber: CountingTranscriber(delay: .milliseconds(100)),
            policy: StreamingPolicy(partialsEnabled: false),
            pace: .milliseconds(5)
        )
        let partials = events.compactMap { event -> PartialHypothesis? in
            if case .partial(let partial) = event { return partial }
            return nil
        }
        #expect(partials.map(\.utteranceIndex) == [0])
        #expect(finals(events).count == 1)
    }

    @Test func aFailedFinalIsDecodedAgainFromTheRetainedAudio() async {
        let transcriber = CountingTranscriber(failingCalls: [1, 2])
        let audio = Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.8)
        let events = await run(audio, transcriber: transcriber, policy: StreamingPolicy(partialsEnabled: false, initialRetryDelay: .milliseconds(10)))
        #expect(events.first == .engineUnavailable(SpeechEngineError(.unavailable, "down")))
        #expect(events.contains(.engineRecovered))
        #expect(finals(events).count == 1)
        let durations = transcriber.durations
        #expect(durations.count == 3 && Set(durations).count == 1, "the same audio, three times")
    }

    @Test func aRejectedUtteranceIsReportedLostAndTheNextOneStillComes() async {
        // The engine refuses every decode of the short first utterance (its speculative and its decisive final).
        let transcriber = CountingTranscriber(failingClipsShorterThan: 1.5, failure: SpeechEngineError(.rejected, "bad audio"))
        let audio = Audio.silence(0.3) + Audio.tone(1.0) + Audio.silence(0.8) + Audio.tone(2.0) + Audio.silence(0.8)
        let events = await run(audio, transcriber: transcriber, policy: StreamingPolicy(partialsEnabled: false))
        #expect(events.first == .utteranceLost(utteranceIndex: 0, SpeechEngineError(.rejected, "bad audio")))
        #expect(finals(events).map(\.utteranceIndex) == [1])
    }

    @Test func aSlowEngineSkipsPartialsButNeverAFinal() async {
        var audio = Audio.silence(0.3)
        for _ in 0..<6 {
            audio += Audio.tone(1.0) + Audio.silence(0.8)
        }
        let events = await run(audio, transcriber: CountingTranscriber(delay: .milliseconds(150)))
        #expect(finals(events).map(\.utteranceIndex) == Array(0..<6))
    }

    @Test func finishFinalisesTheUtteranceInProgress() async {
        let events = await run(Audio.silence(0.3) + Audio.tone(1.2), transcriber: CountingTranscriber())
        #expect(finals(events).count == 1)
    }

    @Test func silenceAloneIsNeverDecoded() async {
        let transcriber = CountingTranscriber()
        let events = await run(Audio.silence(3), transcriber: transcriber)
        #expect(events.isEmpty)
        #expect(transcriber.durations.isEmpty)
    }
}
