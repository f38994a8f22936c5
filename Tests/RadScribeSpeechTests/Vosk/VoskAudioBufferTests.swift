import RadScribeSpeech
import Testing

@Suite("VoskAudioBuffer")
struct VoskAudioBufferTests {
    private let now = ContinuousClock.now

    /// `count` samples whose PCM16 bytes number the samples from `first`, so every byte pair says where it came from.
    private func samples(from first: Int, count: Int) -> [UInt8] {
        (first..<first + count).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8 & 0xFF)] }
    }

    private func drain(_ buffer: inout VoskAudioBuffer) -> [[UInt8]] {
        var frames: [[UInt8]] = []
        while let frame = buffer.takeFrame(at: now) { frames.append(frame) }
        return frames
    }

    @Test func framesCarryAtMostTheLimitInOrder() {
        var buffer = VoskAudioBuffer(frameByteLimit: 8_001, retentionSampleLimit: 160_000)
        buffer.append(samples(from: 0, count: 5_000), at: now)
        buffer.append(samples(from: 5_000, count: 4_321), at: now)
        let frames = drain(&buffer)
        #expect(buffer.frameByteLimit == 8_000)
        #expect(frames.map(\.count) == [8_000, 8_000, 2_642])
        #expect(frames.flatMap(\.self) == samples(from: 0, count: 9_321))
        #expect(buffer.unsentSampleCount == 0)
    }

    @Test func aFinalReleasesTheAudioUpToTheEndOfTheFrameItAnswers() {
        var buffer = VoskAudioBuffer(frameByteLimit: 2_000, retentionSampleLimit: 160_000)
        buffer.append(samples(from: 0, count: 3_500), at: now)
        let frames = drain(&buffer)
        #expect(frames.count == 4)
        let partial = buffer.answerOldestFrame(isFinal: false)
        #expect(partial?.samples == 0..<1_000)
        #expect(buffer.retainedStart == 0)
        let final = buffer.answerOldestFrame(isFinal: true)
        #expect(final?.samples == 0..<2_000)
        #expect(buffer.retainedStart == 2_000)
        // The frames after the final are still in flight, answered in order.
        let third = buffer.answerOldestFrame(isFinal: false)
        let fourth = buffer.answerOldestFrame(isFinal: true)
        let none = buffer.answerOldestFrame(isFinal: false)
        #expect(third?.samples == 2_000..<3_000)
        #expect(fourth?.samples == 2_000..<3_500)
        #expect(none == nil)
        #expect(buffer.retainedStart == 3_500)
    }

    @Test func restartSendsTheRetainedAudioAgainOnANewClock() {
        var buffer = VoskAudioBuffer(frameByteLimit: 2_000, retentionSampleLimit: 160_000)
        buffer.append(samples(from: 0, count: 4_000), at: now)
        _ = drain(&buffer)
        _ = buffer.answerOldestFrame(isFinal: true)
        buffer.append(samples(from: 4_000, count: 500), at: now)
        buffer.restart()
        #expect(buffer.connectionStart == 1_000)
        let answerBeforeResend = buffer.answerOldestFrame(isFinal: false)
        #expect(answerBeforeResend == nil)
        #expect(buffer.unsentSampleCount == 3_500)
        let resent = drain(&buffer).flatMap(\.self)
        #expect(resent == samples(from: 1_000, count: 3_500))
    }

    @Test func retentionCutsTheOldestAudioAndKeepsTheNewest() {
        var buffer = VoskAudioBuffer(frameByteLimit: 2_000, retentionSampleLimit: 3_000)
        let firstCut = buffer.append(samples(from: 0, count: 2_000), at: now)
        let secondCut = buffer.append(samples(from: 2_000, count: 2_000), at: now)
        #expect(firstCut == 0)
        #expect(secondCut == 1_000)
        #expect(buffer.retainedStart == 1_000)
        // Nothing was sent (an outage): the cut audio is skipped, the newest 3000 samples are sent.
        let sent = drain(&buffer).flatMap(\.self)
        #expect(sent == samples(from: 1_000, count: 3_000))
    }

    @Test func compactionKeepsTheRetainedAudioIntact() {
        var buffer = VoskAudioBuffer(frameByteLimit: 8_000, retentionSampleLimit: 20_000)
        var next = 0
        for _ in 0..<40 {
            buffer.append(samples(from: next, count: 3_000), at: now)
            next += 3_000
        }
        #expect(buffer.retainedStart == next - 20_000)
        buffer.restart()
        let resent = drain(&buffer).flatMap(\.self)
        #expect(resent == samples(from: next - 20_000, count: 20_000))
    }

    @Test func arrivalTimesFollowTheRetainedAudio() {
        var buffer = VoskAudioBuffer(frameByteLimit: 2_000, retentionSampleLimit: 160_000)
        let first = now
        let second = now.advanced(by: .milliseconds(20))
        buffer.append(samples(from: 0, count: 320), at: first)
        buffer.append(samples(from: 320, count: 320), at: second)
        #expect(buffer.arrivalTime(ofSample: 0) == first)
        #expect(buffer.arrivalTime(ofSample: 319) == first)
        #expect(buffer.arrivalTime(ofSample: 320) == second)
        #expect(buffer.arrivalTime(ofSample: 640) == nil)
        _ = drain(&buffer)
        _ = buffer.answerOldestFrame(isFinal: true)
        #expect(buffer.arrivalTime(ofSample: 100) == nil)
    }
}
