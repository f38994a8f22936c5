import RadScribeCore
import RadScribeSpeech
import Testing

@Suite("VoskStreamState")
struct VoskStreamStateTests {
    private let now = ContinuousClock.now

    private func silence(_ count: Int) -> [UInt8] {
        Array(repeating: 0, count: count * 2)
    }

    private func open(_ state: inout VoskStreamState) -> (generation: Int, recovers: Bool?) {
        let generation = state.beginAttempt()
        let (_, doorbell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        return (generation, state.openConnection(generation: generation, doorbell: doorbell))
    }

    private func sendAll(_ state: inout VoskStreamState, generation: Int) -> [VoskStreamState.WriteAction] {
        var actions: [VoskStreamState.WriteAction] = []
        while let action = state.nextWrite(generation: generation, at: now).action { actions.append(action) }
        return actions
    }

    @Test func acceptWaitsOnlyWhileConnectedAndAboveTheSendQueueLimit() {
        var state = VoskStreamState(frameByteLimit: 200, retentionSampleLimit: 16_000, sendQueueSampleLimit: 250)
        let appending = state.append(silence(400), at: now)
        #expect(appending == .queued(cutSamples: 0, startsCutting: false))
        #expect(!state.mustWaitForSpace)
        let (generation, recovers) = open(&state)
        #expect(recovers == false)
        #expect(state.mustWaitForSpace)
        _ = state.nextWrite(generation: generation, at: now)
        #expect(state.mustWaitForSpace)
        _ = state.nextWrite(generation: generation, at: now)
        #expect(!state.mustWaitForSpace)
        _ = state.append(silence(400), at: now)
        #expect(state.mustWaitForSpace)
        let (startsOutage, _) = state.closeConnection(generation: generation)
        #expect(startsOutage)
        #expect(!state.mustWaitForSpace)
        #expect(state.needsReconnect)
    }

    @Test func anOutageIsReportedOnceAndEndsWithTheNextConnection() {
        var state = VoskStreamState(frameByteLimit: 8_000, retentionSampleLimit: 16_000, sendQueueSampleLimit: 32_000)
        let first = open(&state).generation
        let firstClose = state.closeConnection(generation: first)
        let secondClose = state.closeConnection(generation: first)
        #expect(firstClose.startsOutage)
        #expect(!secondClose.startsOutage)
        let failed = state.beginAttempt()
        let abandonedFailure = state.abandonAttempt(generation: failed)
        #expect(abandonedFailure)
        let (_, recovers) = open(&state)
        #expect(recovers == true)
        #expect(!state.isInOutage)
    }

    @Test func aStaleConnectionIsRefusedAndItsMessagesIgnored() {
        var state = VoskStreamState(frameByteLimit: 8_000, retentionSampleLimit: 16_000, sendQueueSampleLimit: 32_000)
        let stale = state.beginAttempt()
        _ = state.abandonAttempt(generation: stale)
        let (_, doorbell) = AsyncStream.makeStream(of: Void.self)
        let opened = state.openConnection(generation: stale, doorbell: doorbell)
        #expect(opened == nil)
        let current = open(&state).generation
        // A connection that opened just as its attempt timed out is kept.
        let abandoned = state.abandonAttempt(generation: current)
        #expect(!abandoned)
        _ = state.append(silence(100), at: now)
        _ = sendAll(&state, generation: current)
        let fromStale = state.receive(.partial("kein"), generation: stale, at: now)
        let fromCurrent = state.receive(.partial("kein"), generation: current, at: now)
        #expect(!fromStale.wasExpected)
        #expect(fromCurrent.event != nil)
    }

    @Test func repeatedAndEmptyPartialsAndEmptyFinalsEmitNothing() {
        var state = VoskStreamState(frameByteLimit: 200, retentionSampleLimit: 16_000, sendQueueSampleLimit: 32_000)
        let generation = open(&state).generation
        _ = state.append(silence(600), at: now)
        let frames = sendAll(&state, generation: generation)
        #expect(frames.count == 6)
        let events = [
            VoskServerMessage.partial(""), .partial("kein"), .partial("kein"), .final(text: "kein", words: []),
            .final(text: " ", words: []), .partial("rechts"),
        ].map { state.receive($0, generation: generation, at: now).event }
        #expect(events[0] == nil)
        #expect(events[1] == .partial(PartialHypothesis(utteranceIndex: 0, committedWords: [], tentativeWords: [], text: "kein")))
        #expect(events[2] == nil)
        guard case .final(let final) = events[3] else {
            Issue.record("expected a final")
            return
        }
        #expect(final.utteranceIndex == 0)
        // Without words, the final spans the audio it closed.
        #expect(final.start == 0)
        #expect(final.end == 400.0 / 16_000)
        #expect(events[4] == nil)
        #expect(events[5] == .partial(PartialHypothesis(utteranceIndex: 1, committedWords: [], tentativeWords: [], text: "rechts")))
    }

    @Test func wordsAfterAReconnectAreMovedToTheStreamClock() {
        var state = VoskStreamState(frameByteLimit: 3_200, retentionSampleLimit: 160_000, sendQueueSampleLimit: 32_000)
        let first = open(&state).generation
        _ = state.append(silence(4_800), at: now)
        let firstFrames = sendAll(&state, generation: first)
        #expect(firstFrames.count == 3)
        let firstWords = [RecognizedWord(text: "kein", start: 0.02, end: 0.08, confidence: 0.9)]
        _ = state.receive(.final(text: "kein", words: firstWords), generation: first, at: now)
        _ = state.closeConnection(generation: first)
        let (second, _) = open(&state)
        // The second connection's server starts at the end of the first final's frame: 1600 samples, 0.1 s.
        let resent = sendAll(&state, generation: second).flatMap { action -> [UInt8] in
            if case .audio(let bytes) = action { bytes } else { [] }
        }
        #expect(resent.count == 3_200 * 2)
        let reception = state.receive(
            .final(text: "pleuraerguss", words: [RecognizedWord(text: "pleuraerguss", start: 0.05, end: 0.15, confidence: 0.8)]),
            generation: second,
            at: now
        )
        guard case .final(let final) = reception.event else {
            Issue.record("expected a final")
            return
        }
        #expect(final.utteranceIndex == 1)
        #expect(abs(final.start - 0.15) < 1e-9)
        #expect(abs(final.end - 0.25) < 1e-9)
        #expect(final.speechEndedAt == now)
    }

    @Test func theEndOfStreamIsSentAfterTheAudioAndItsAnswerCompletesTheStream() {
        var state = VoskStreamState(frameByteLimit: 200, retentionSampleLimit: 16_000, sendQueueSampleLimit: 32_000)
        let generation = open(&state).generation
        _ = state.append(silence(150), at: now)
        let requested = state.requestEndOfStream()
        let late = state.append(silence(10), at: now)
        #expect(requested)
        #expect(late == .ignored)
        let actions = sendAll(&state, generation: generation)
        #expect(actions.count == 3)
        #expect(actions.last == .endOfStream)
        let first = state.receive(.partial("no"), generation: generation, at: now)
        let second = state.receive(.partial("no pulmonary"), generation: generation, at: now)
        #expect(!first.completesStream)
        #expect(!second.completesStream)
        #expect(state.utteranceInProgress == 0)
        let answer = state.receive(.final(text: "no pulmonary embolism", words: []), generation: generation, at: now)
        #expect(answer.completesStream)
        #expect(answer.event != nil)
        #expect(state.utteranceInProgress == nil)
    }
}
