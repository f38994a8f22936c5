import RadScribeCore

/// The state of one Vosk recognition stream, shared by `accept`, the open connection's writer and reader, the
/// reconnect loop and `finish`/`cancel`.
///
/// Its methods change state and return what the caller must do (send a frame, emit an event, resume a waiter), so
/// it runs under one lock and its decisions are tested without sockets. Connections are numbered (`generation`);
/// a call from an older connection is ignored.
package struct VoskStreamState {
    /// What the writer sends next.
    package enum WriteAction: Hashable {
        /// A binary frame of PCM16.
        case audio([UInt8])
        /// `{"eof" : 1}`.
        case endOfStream
    }

    /// What a server message means for the stream.
    package struct Reception {
        /// The event to emit, if any.
        package var event: RecognitionEvent?
        /// Whether the message answered the end of the stream: the stream is complete.
        package var completesStream = false
        /// Whether a frame or the end of the stream was waiting for this answer.
        package var wasExpected = true
    }

    /// What appending audio did.
    package enum Appending: Hashable {
        /// The audio was queued. `cutSamples` of the oldest retained audio were cut to stay within the retention;
        /// `startsCutting` is true for the first cut after appends that cut nothing.
        case queued(cutSamples: Int, startsCutting: Bool)
        /// The stream is finishing or stopped; the audio was dropped.
        case ignored
    }

    private var audio: VoskAudioBuffer
    private let sendQueueSampleLimit: Int
    private var generation = 0
    /// Whether the connection broke and has not been reopened.
    package private(set) var isInOutage = false
    private var isEndOfStreamRequested = false
    /// The stream has ended: the server answered the end of the stream, or it was stopped.
    package private(set) var hasEnded = false
    private var doorbell: AsyncStream<Void>.Continuation?
    private var isCutting = false
    private var endOfStreamSentAt: ContinuousClock.Instant?
    private var nextUtteranceIndex = 0
    private var lastPartialText = ""
    private var spaceWaiters: [CheckedContinuation<Void, Never>] = []
    private var endWaiters: [CheckedContinuation<Void, Never>] = []
    private var attemptTask: Task<Void, Never>?

    /// Creates the state of a stream that has not connected yet.
    package init(frameByteLimit: Int, retentionSampleLimit: Int, sendQueueSampleLimit: Int) {
        audio = VoskAudioBuffer(frameByteLimit: frameByteLimit, retentionSampleLimit: retentionSampleLimit)
        self.sendQueueSampleLimit = sendQueueSampleLimit
    }

    /// Whether the stream lost its connection and has not ended: the reconnect loop keeps trying.
    package var needsReconnect: Bool { !hasEnded && doorbell == nil }

    // MARK: Audio

    /// Queues PCM16 bytes that arrived at `now` for sending, unless the stream is finishing or has ended.
    package mutating func append(_ bytes: [UInt8], at now: ContinuousClock.Instant) -> Appending {
        guard !hasEnded, !isEndOfStreamRequested else { return .ignored }
        let cut = audio.append(bytes, at: now)
        doorbell?.yield()
        defer { isCutting = cut > 0 }
        return .queued(cutSamples: cut, startsCutting: cut > 0 && !isCutting)
    }

    /// Whether `accept` must wait for the socket: only while connected, and only above the send queue limit.
    package var mustWaitForSpace: Bool { doorbell != nil && audio.unsentSampleCount > sendQueueSampleLimit }

    /// Parks an `accept` until the writer has drained the queue, the connection is lost or the stream ends.
    ///
    /// - Returns: `false` when there is no need to wait (any more); the caller resumes the continuation itself.
    package mutating func waitForSpace(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        guard mustWaitForSpace else { return false }
        spaceWaiters.append(continuation)
        return true
    }

    /// Asks for the end of the stream: the writer sends `{"eof" : 1}` once the queued audio is sent.
    ///
    /// - Returns: `false` when the stream has already ended.
    package mutating func requestEndOfStream() -> Bool {
        guard !hasEnded else { return false }
        isEndOfStreamRequested = true
        doorbell?.yield()
        return true
    }

    /// Parks a `finish` until the stream ends.
    ///
    /// - Returns: `false` when it has already ended; the caller resumes the continuation itself.
    package mutating func waitForEnd(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        guard !hasEnded else { return false }
        endWaiters.append(continuation)
        return true
    }

    // MARK: Connections

    /// Numbers a new connection attempt; any older attempt becomes stale.
    package mutating func beginAttempt() -> Int {
        generation += 1
        return generation
    }

    /// Records the task of the current attempt, so that stopping can cancel it.
    ///
    /// - Returns: `false` when the stream has ended; the caller cancels the task.
    package mutating func setAttemptTask(_ task: Task<Void, Never>) -> Bool {
        guard !hasEnded else { return false }
        attemptTask = task
        return true
    }

    /// Gives up on an attempt that did not report its connection in time: should it connect later, it is closed at once.
    ///
    /// - Returns: `false` when the attempt's connection opened after all (the timeout lost the race); keep it then.
    package mutating func abandonAttempt(generation: Int) -> Bool {
        guard generation == self.generation else { return true }
        guard doorbell == nil else { return false }
        self.generation += 1
        return true
    }

    /// Opens a connection that has sent its configuration: the retained audio is sent again from the start.
    ///
    /// - Returns: Whether this ends an outage (emit `.engineRecovered`), or `nil` when the attempt is stale or the
    ///   stream has ended (close the connection).
    package mutating func openConnection(generation: Int, doorbell: AsyncStream<Void>.Continuation) -> Bool? {
        guard generation == self.generation, !hasEnded, self.doorbell == nil else { return nil }
        audio.restart()
        endOfStreamSentAt = nil
        lastPartialText = ""
        self.doorbell = doorbell
        doorbell.yield()
        defer { isInOutage = false }
        return isInOutage
    }

    /// Closes the connection: nothing is in flight any more, and `accept` no longer waits for the socket.
    ///
    /// - Returns: Whether an outage starts (emit `.engineUnavailable`), and the waiters to resume.
    package mutating func closeConnection(generation: Int) -> (startsOutage: Bool, waiters: [CheckedContinuation<Void, Never>]) {
        guard generation == self.generation, let doorbell else { return (false, []) }
        doorbell.finish()
        self.doorbell = nil
        let startsOutage = !hasEnded && !isInOutage
        if startsOutage { isInOutage = true }
        defer { spaceWaiters = [] }
        return (startsOutage, spaceWaiters)
    }

    /// Takes what the writer of connection `generation` sends next, and the `accept` calls it frees.
    package mutating func nextWrite(
        generation: Int,
        at now: ContinuousClock.Instant
    ) -> (action: WriteAction?, waiters: [CheckedContinuation<Void, Never>]) {
        guard generation == self.generation, doorbell != nil else { return (nil, []) }
        var action: WriteAction?
        if let frame = audio.takeFrame(at: now) {
            action = .audio(frame)
        } else if isEndOfStreamRequested, endOfStreamSentAt == nil {
            endOfStreamSentAt = now
            action = .endOfStream
        }
        guard !spaceWaiters.isEmpty, !mustWaitForSpace else { return (action, []) }
        defer { spaceWaiters = [] }
        return (action, spaceWaiters)
    }

    /// Applies a server message received on connection `generation` at `now`.
    ///
    /// The message answers the oldest frame in flight, or else the end of the stream. Word times are moved from the
    /// connection's clock to the stream's. Empty partials, repeated partials and empty finals (Vosk's answer to
    /// silence) emit nothing; an empty final still closes the utterance's audio.
    package mutating func receive(_ message: VoskServerMessage, generation: Int, at now: ContinuousClock.Instant) -> Reception {
        guard generation == self.generation, doorbell != nil, !hasEnded else { return Reception(wasExpected: false) }
        var transcript: UtteranceTranscript?
        if case .final(let text, let words) = message, text.contains(where: { !$0.isWhitespace }) {
            let offset = Self.seconds(audio.connectionStart)
            let streamWords = words.map { $0.shifted(by: offset) }
            let speechEnd = streamWords.last.map { Int(($0.end * Double(Endpointer.sampleRate)).rounded()) - 1 }
            transcript = UtteranceTranscript(
                utteranceIndex: nextUtteranceIndex,
                text: text,
                words: streamWords,
                start: streamWords.first?.start ?? 0,
                end: streamWords.last?.end ?? 0,
                decodeDuration: .zero,
                speechEndedAt: speechEnd.flatMap { audio.arrivalTime(ofSample: $0) }
            )
        }
        var reception = Reception()
        let answered: VoskAudioBuffer.AnsweredFrame
        if let frame = audio.answerOldestFrame(isFinal: message.isFinal) {
            answered = frame
        } else if let sentAt = endOfStreamSentAt {
            answered = .init(samples: audio.releaseAll(), sentAt: sentAt)
            reception.completesStream = true
        } else {
            return Reception(wasExpected: false)
        }
        switch message {
        case .partial(let text):
            guard !reception.completesStream, !text.isEmpty, text != lastPartialText else { break }
            lastPartialText = text
            reception.event = .partial(
                PartialHypothesis(utteranceIndex: nextUtteranceIndex, committedWords: [], tentativeWords: [], text: text)
            )
        case .final:
            lastPartialText = ""
            guard var transcript else { break }
            if transcript.words.isEmpty {
                transcript.start = Self.seconds(answered.samples.lowerBound)
                transcript.end = Self.seconds(answered.samples.upperBound)
            }
            transcript.decodeDuration = now - answered.sentAt
            reception.event = .final(transcript)
            nextUtteranceIndex += 1
        }
        return reception
    }

    // MARK: End

    /// The index of the utterance the server was still hearing (its last partial had text), if any: what is lost
    /// when the stream ends before its final.
    package var utteranceInProgress: Int? { lastPartialText.isEmpty ? nil : nextUtteranceIndex }

    /// Ends the stream (complete or stopped) and hands back everything the caller must release.
    package mutating func end() -> (waiters: [CheckedContinuation<Void, Never>], attemptTask: Task<Void, Never>?) {
        guard !hasEnded else { return ([], nil) }
        hasEnded = true
        doorbell?.finish()
        doorbell = nil
        defer {
            spaceWaiters = []
            endWaiters = []
            attemptTask = nil
        }
        return (spaceWaiters + endWaiters, attemptTask)
    }

    private static func seconds(_ sample: Int) -> Double {
        Double(sample) / Double(Endpointer.sampleRate)
    }
}
