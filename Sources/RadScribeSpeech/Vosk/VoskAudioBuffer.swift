/// The PCM16 audio of one Vosk stream that the server has not finalised yet.
///
/// It tracks three things over one clock, sample indices from the start of the stream: what is retained (all audio
/// since the last final, to send again after a reconnect), what the current connection has sent, and which sent
/// frames the server has not answered yet. `asr_server.py` answers every frame with one message, in order, and a
/// final covers all audio up to the end of the frame it answers, so a final releases exactly that audio.
package struct VoskAudioBuffer: Sendable {
    /// A sent frame the server has answered.
    package struct AnsweredFrame: Sendable, Hashable {
        /// The retained audio up to the end of the frame, in samples: the utterance's audio when the answer is a final.
        package var samples: Range<Int>
        /// When the frame was sent.
        package var sentAt: ContinuousClock.Instant
    }

    private struct SentFrame {
        var end: Int
        var sentAt: ContinuousClock.Instant
    }

    private struct Arrival {
        var end: Int
        var at: ContinuousClock.Instant
    }

    /// The most bytes one frame carries (even: whole samples).
    package let frameByteLimit: Int
    /// The most samples retained; older audio is cut, the newest kept.
    package let retentionSampleLimit: Int
    /// Where the retained audio starts.
    package private(set) var retainedStart = 0
    private var acceptedEnd = 0
    private var sentEnd = 0
    /// Where the current connection's audio starts: the server's time zero.
    package private(set) var connectionStart = 0
    private var storage: [UInt8] = []
    private var head = 0
    private var inFlight: [SentFrame] = []
    private var arrivals: [Arrival] = []

    /// Creates an empty buffer.
    ///
    /// - Parameters:
    ///   - frameByteLimit: The most bytes one frame carries; rounded down to whole samples, at least one sample.
    ///   - retentionSampleLimit: The most samples retained; at least one frame's worth.
    package init(frameByteLimit: Int, retentionSampleLimit: Int) {
        self.frameByteLimit = max(frameByteLimit / 2 * 2, 2)
        self.retentionSampleLimit = max(retentionSampleLimit, self.frameByteLimit / 2)
    }

    /// Accepted samples not yet sent on the current connection.
    package var unsentSampleCount: Int { acceptedEnd - max(sentEnd, retainedStart) }

    /// Appends PCM16 little-endian bytes (whole samples) that arrived at `now`.
    ///
    /// - Returns: How many of the oldest samples were cut to stay within ``retentionSampleLimit``.
    @discardableResult
    package mutating func append(_ bytes: [UInt8], at now: ContinuousClock.Instant) -> Int {
        storage.append(contentsOf: bytes)
        acceptedEnd += bytes.count / 2
        arrivals.append(Arrival(end: acceptedEnd, at: now))
        let excess = acceptedEnd - retainedStart - retentionSampleLimit
        guard excess > 0 else { return 0 }
        release(upTo: retainedStart + excess)
        return excess
    }

    /// Takes the next frame to send, at most ``frameByteLimit`` bytes, and records it as waiting for its answer.
    ///
    /// - Returns: The frame's bytes, or `nil` when everything accepted has been sent.
    package mutating func takeFrame(at now: ContinuousClock.Instant) -> [UInt8]? {
        let start = max(sentEnd, retainedStart)
        let count = min(acceptedEnd - start, frameByteLimit / 2)
        guard count > 0 else { return nil }
        let offset = head + (start - retainedStart) * 2
        sentEnd = start + count
        inFlight.append(SentFrame(end: sentEnd, sentAt: now))
        return Array(storage[offset..<offset + count * 2])
    }

    /// When the retained audio containing `sample` arrived; `nil` when it is not retained.
    package func arrivalTime(ofSample sample: Int) -> ContinuousClock.Instant? {
        guard sample >= retainedStart, sample < acceptedEnd else { return nil }
        return arrivals.first { $0.end > sample }?.at
    }

    /// Records the server's answer to the oldest frame waiting for one.
    ///
    /// - Parameter isFinal: Whether the answer is a final; the retained audio up to the end of the frame is then released.
    /// - Returns: The answered frame, or `nil` when no frame waits for an answer.
    package mutating func answerOldestFrame(isFinal: Bool) -> AnsweredFrame? {
        guard !inFlight.isEmpty else { return nil }
        let frame = inFlight.removeFirst()
        let answered = AnsweredFrame(samples: retainedStart..<max(frame.end, retainedStart), sentAt: frame.sentAt)
        if isFinal { release(upTo: frame.end) }
        return answered
    }

    /// Releases everything accepted, once the server has finalised the whole stream.
    ///
    /// - Returns: The released samples.
    @discardableResult
    package mutating func releaseAll() -> Range<Int> {
        let released = retainedStart..<acceptedEnd
        release(upTo: acceptedEnd)
        inFlight.removeAll()
        return released
    }

    /// Starts over on a new connection: the server's clock restarts at ``retainedStart``, and the retained audio is
    /// sent again before anything newer.
    package mutating func restart() {
        connectionStart = retainedStart
        sentEnd = retainedStart
        inFlight.removeAll()
    }

    private mutating func release(upTo end: Int) {
        guard end > retainedStart else { return }
        head += (end - retainedStart) * 2
        retainedStart = end
        if let kept = arrivals.firstIndex(where: { $0.end > end }) {
            arrivals.removeFirst(kept)
        } else {
            arrivals.removeAll()
        }
        // Compact once the released prefix outweighs the live audio; amortised O(1) per byte.
        if head >= 65_536, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
    }
}
