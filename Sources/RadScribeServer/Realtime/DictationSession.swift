import CoreMetrics
import Foundation
import Logging
import RadScribeCore
import RadScribeSpeech
import RadScribeStorage

/// One dictation session: its recognizer, its stored finals, its retained audio and the client attached to it.
///
/// A session outlives its WebSocket: when the client drops, audio already received is still decoded and every final
/// is stored; a client that resumes gets all finals again, in order, once. Messages to the client go through a
/// ``ClientChannel`` that the session fills synchronously, so replayed and live finals never interleave.
actor DictationSession {
    /// Where the session's messages go: a queue the connection drains onto its socket.
    struct ClientChannel: Sendable {
        let id: UUID
        let messages: AsyncStream<String>.Continuation
        let close: @Sendable () -> Void
    }

    let id: UUID
    let tokenHash: String
    let language: Language
    private(set) var examType: ExamType?

    private let speech: SpeechService
    private let transcripts: any TranscriptRepository
    private let finalizer: SegmentFinalizer
    private let metrics: RealtimeMetrics
    private let logger: Logger
    private var segments: [TranscriptSegment]
    private var audio: SessionAudio
    private var recognizer: (any SpeechRecognizer)?
    private var recognizerOffset = 0.0
    private var eventTask: Task<Void, Never>?
    private var client: ClientChannel?
    private(set) var lastActivity = ContinuousClock.now

    init(
        record: DictationSessionRecord,
        segments: [TranscriptSegment],
        speech: SpeechService,
        transcripts: any TranscriptRepository,
        finalizer: SegmentFinalizer,
        metrics: RealtimeMetrics,
        logger: Logger
    ) {
        id = record.id
        tokenHash = record.tokenHash
        language = record.language
        examType = record.examType
        self.segments = segments
        self.speech = speech
        self.transcripts = transcripts
        self.finalizer = finalizer
        self.metrics = metrics
        self.logger = logger
        audio = SessionAudio(retentionSeconds: speech.settings.audioRetentionSeconds)
        recognizerOffset = segments.last?.end ?? 0
    }

    var segmentCount: Int { segments.count }
    var isRecognizing: Bool { recognizer != nil }
    var isAttached: Bool { client != nil }

    // MARK: - Clients

    /// Attaches a client, closing an older one, and replays every stored final to it.
    func attach(_ channel: ClientChannel) {
        if let previous = client, previous.id != channel.id {
            previous.messages.finish()
            previous.close()
        }
        client = channel
        touch()
        for segment in segments {
            channel.messages.yield(
                RealtimeServerMessage.text(
                    RealtimeServerMessage.TranscriptionUpdate.final(segment, latencyMs: nil, waitMs: nil, decodeMs: nil, replayed: true)
                )
            )
        }
    }

    /// Detaches a client that went away; audio already received is still decoded and stored.
    func detach(_ channelID: UUID) {
        guard client?.id == channelID else { return }
        client = nil
        touch()
        if recognizer != nil {
            Task { await self.stopRecognition(notify: false) }
        }
    }

    /// Sends a message to the attached client, if any.
    func send(_ text: String) {
        client?.messages.yield(text)
    }

    // MARK: - Audio

    /// Opens a recognizer for new audio. Throws when the engine cannot start a stream.
    func startRecognition(examType newExamType: ExamType?) async throws(RealtimeError) {
        guard recognizer == nil else {
            throw RealtimeError(.outOfOrder, "transcription is already running; send stop_transcription first")
        }
        if let finishing = eventTask {
            await finishing.value
        }
        if let newExamType { examType = newExamType }
        let configuration = speech.recognitionConfiguration(language: language, examType: examType)
        let opened: any SpeechRecognizer
        do {
            opened = try await speech.engine.startRecognition(configuration)
        } catch {
            throw RealtimeError(.engineUnavailable, "the speech engine cannot take dictation now: \(error.message)")
        }
        recognizer = opened
        recognizerOffset = Double(audio.totalSamples) / Double(Endpointer.sampleRate)
        let offset = recognizerOffset
        eventTask = Task { [events = opened.events] in
            for await event in events {
                await self.handle(event, offset: offset)
            }
        }
        touch()
    }

    /// Adds 16 kHz mono audio. Throws when no transcription is running.
    func acceptAudio(_ samples: [Float]) async throws(RealtimeError) {
        guard let recognizer else {
            throw RealtimeError(.outOfOrder, "send start_transcription before audio")
        }
        audio.append(samples)
        touch()
        await recognizer.accept(samples)
    }

    /// Ends the audio, waits for every final to be stored and sent, and tells the client.
    func stopRecognition(notify: Bool = true) async {
        guard let recognizer else {
            if notify { send(RealtimeServerMessage.text(RealtimeServerMessage.TranscriptionStopped(sessionId: id, segmentCount: segments.count))) }
            return
        }
        self.recognizer = nil
        let events = eventTask
        await recognizer.finish()
        await events?.value
        if eventTask == events {
            eventTask = nil
        }
        touch()
        if notify {
            send(RealtimeServerMessage.text(RealtimeServerMessage.TranscriptionStopped(sessionId: id, segmentCount: segments.count)))
        }
    }

    /// Stops any recognizer at once (server shutdown or expiry).
    func close() async {
        if let recognizer {
            self.recognizer = nil
            await recognizer.cancel()
        }
        eventTask?.cancel()
        client?.messages.finish()
        client = nil
    }

    /// The final text of the session so far, one segment per line.
    var transcriptText: String { segments.map(\.text).joined(separator: "\n") }

    /// The retained audio of one final segment.
    func audio(ofSegment index: Int) -> [Float]? {
        guard segments.indices.contains(index) else { return nil }
        return audio.clip(from: segments[index].start, to: segments[index].end)
    }

    /// The stored finals.
    var storedSegments: [TranscriptSegment] { segments }

    // MARK: - Engine events

    private func handle(_ event: RecognitionEvent, offset: Double) async {
        switch event {
        case .partial(let hypothesis):
            let words = (hypothesis.committedWords + hypothesis.tentativeWords).map { $0.shifted(by: offset) }
            let update = RealtimeServerMessage.TranscriptionUpdate(
                kind: "partial",
                sessionId: id,
                segmentId: segments.count,
                text: hypothesis.text,
                words: words.map(RealtimeServerMessage.Word.init),
                confidence: words.isEmpty ? 0 : (words.map(\.confidence).reduce(0, +) / Double(words.count) * 1000).rounded() / 1000,
                medicalTerms: finalizer.medicalTerms(in: hypothesis.text, language: language)
            )
            send(RealtimeServerMessage.text(update))
        case .final(let utterance):
            await store(utterance, offset: offset)
        case .engineUnavailable(let error):
            logger.warning("speech engine unavailable", metadata: ["radscribe.session": "\(id)", "error": "\(error.kind.rawValue)"])
            send(RealtimeServerMessage.text(RealtimeServerMessage.EngineStatus(state: "unavailable", message: error.message)))
        case .engineRecovered:
            send(RealtimeServerMessage.text(RealtimeServerMessage.EngineStatus(state: "recovered", message: "the speech engine is back")))
        case .utteranceLost(_, let error):
            logger.error("utterance lost", metadata: ["radscribe.session": "\(id)", "error": "\(error.kind.rawValue)"])
            send(RealtimeServerMessage.error(RealtimeError(.utteranceLost, "one utterance could not be decoded: \(error.message)")))
        }
    }

    /// Stores a final and then sends it. Storage is retried until it succeeds: a final is never sent unstored, and
    /// never dropped; while the database fails, the client is told and disconnected, and can resume later.
    private func store(_ utterance: UtteranceTranscript, offset: Double) async {
        let createdAt = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 * 1000).rounded() / 1000)
        guard
            let segment = finalizer.segment(
                for: utterance,
                sessionId: id,
                index: segments.count,
                language: language,
                offset: offset,
                createdAt: createdAt
            )
        else { return }
        var attempt = 0
        while true {
            do {
                try await transcripts.appendSegment(segment)
                break
            } catch {
                attempt += 1
                logger.error("storing a final segment failed; retrying", metadata: ["radscribe.session": "\(id)", "attempt": "\(attempt)"])
                if attempt == 3, let client {
                    client.messages.yield(
                        RealtimeServerMessage.error(RealtimeError(.storageFailed, "the transcript cannot be stored now; resume the session later"))
                    )
                    client.messages.finish()
                    client.close()
                    self.client = nil
                }
                try? await Task.sleep(for: .milliseconds(min(250 * (1 << min(attempt, 5)), 5_000)))
            }
        }
        segments.append(segment)
        let latency = utterance.speechEndedAt.map { ContinuousClock.now - $0 }
        if let latency { metrics.finalLatency.recordNanoseconds(latency.nanoseconds) }
        let wait = utterance.speechEndedAt.flatMap { ended in utterance.decodeStartedAt.map { $0 - ended } }
        metrics.finals.increment()
        send(
            RealtimeServerMessage.text(
                RealtimeServerMessage.TranscriptionUpdate.final(
                    segment,
                    latencyMs: latency.map { Int($0 / .milliseconds(1)) },
                    waitMs: wait.map { Int($0 / .milliseconds(1)) },
                    decodeMs: Int(utterance.decodeDuration / .milliseconds(1)),
                    replayed: false
                )
            )
        )
    }

    private func touch() {
        lastActivity = .now
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
