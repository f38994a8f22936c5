import HummingbirdWSClient
import Logging
import NIOCore

/// Streams one dictation's audio to `/api/v1/realtime/transcription` in real time and records what comes back.
///
/// One connection per dictation: `start_transcription` (PCM16 at the audio's own rate), then — once
/// `session_started` arrived — 20 ms binary frames, each sent when a live microphone would have captured it
/// (paced against `ContinuousClock`, so delays do not add up), then `stop_transcription`; the session ends with
/// `transcription_stopped`.
struct RealtimeDictationStreamer: Sendable {
    /// The WebSocket URL of the real-time endpoint.
    var url: String
    /// How long to wait for `transcription_stopped` after the last frame was due.
    var answerTimeout: Duration
    var logger: Logger

    /// Why a dictation could not be streamed at all.
    enum StreamError: Error, CustomStringConvertible {
        case unreachable(url: String, reason: String)
        case sessionRefused(errorTypes: [String])

        var description: String {
            switch self {
            case .unreachable(let url, let reason):
                "cannot reach the real-time endpoint at \(url) (\(reason)); is `radscribe serve` running there?"
            case .sessionRefused(let errorTypes):
                errorTypes.isEmpty
                    ? "the server did not answer start_transcription with session_started"
                    : "the server refused the session (errors: \(errorTypes.joined(separator: ", ")))"
            }
        }
    }

    private enum Child {
        case reader
        case sender
        case deadline
    }

    /// Streams `audio` as a dictation in `language` and returns what the server sent.
    /// - Throws: ``StreamError`` when the server cannot be reached or refuses the session.
    func stream(_ audio: DictationAudio, language: BenchLanguage) async throws -> DictationRecording {
        let recorder = SessionRecorder(sentenceCount: audio.speechSpans.count)
        do {
            let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 20)
            try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) { inbound, outbound, _ in
                let (started, startedContinuation) = AsyncStream<Void>.makeStream()
                try await withThrowingTaskGroup(of: Child.self) { group in
                    group.addTask {
                        defer { startedContinuation.finish() }
                        for try await message in inbound.messages(maxSize: 1 << 22) {
                            guard case .text(let text) = message else { continue }
                            let decoded = RealtimeServerMessage.decode(text) ?? .other(type: "invalid JSON")
                            recorder.record(decoded, at: .now)
                            switch decoded {
                            case .sessionStarted: startedContinuation.yield()
                            case .stopped: return .reader
                            case .error where !recorder.sessionStarted: return .reader
                            default: break
                            }
                        }
                        return .reader
                    }
                    group.addTask {
                        try await outbound.write(.text(Self.startMessage(language: language, sampleRate: audio.sampleRate)))
                        var startedIterator = started.makeAsyncIterator()
                        guard await startedIterator.next() != nil else { return .sender }
                        try await Self.sendPaced(audio, to: outbound, recorder: recorder)
                        try await outbound.write(.text(#"{"type":"stop_transcription"}"#))
                        return .sender
                    }
                    group.addTask {
                        try await Task.sleep(for: audio.duration + answerTimeout)
                        return .deadline
                    }
                    // The client library closes the socket when this handler returns, so end on the reader or the deadline.
                    while let child = try await group.next() {
                        if case .sender = child { continue }
                        if case .deadline = child { recorder.timedOut() }
                        break
                    }
                    group.cancelAll()
                }
            }
        } catch {
            guard recorder.sessionStarted else { throw StreamError.unreachable(url: url, reason: Self.reason(for: error)) }
            logger.warning("Dictation stream failed", metadata: ["error.type": "\(type(of: error))"])
        }
        let recording = recorder.recording()
        guard recorder.sessionStarted else { throw StreamError.sessionRefused(errorTypes: recording.errorTypes) }
        return recording
    }

    private static func startMessage(language: BenchLanguage, sampleRate: Int) -> String {
        #"{"type":"start_transcription","language":"\#(language.rawValue)","sampleRate":\#(sampleRate),"encoding":"pcm16le","channels":1}"#
    }

    private static func sendPaced(_ audio: DictationAudio, to outbound: WebSocketOutboundWriter, recorder: SessionRecorder) async throws {
        var sentencesEndingIn: [Int: [Int]] = [:]
        for (sentence, frame) in audio.speechEndFrames.enumerated() {
            sentencesEndingIn[frame, default: []].append(sentence)
        }
        let clock = ContinuousClock()
        let origin = clock.now
        recorder.startStreaming(at: origin)
        for index in 0..<audio.frameCount {
            let samples = audio.frame(index)
            // A live microphone sends each frame once it has been captured, at the end of its 20 ms.
            let due = origin + .nanoseconds(Int64(samples.endIndex) * 1_000_000_000 / Int64(audio.sampleRate))
            try await Task.sleep(until: due, clock: clock)
            var buffer = ByteBuffer()
            buffer.reserveCapacity(samples.count * 2)
            for sample in samples {
                buffer.writeInteger(sample, endianness: .little)
            }
            try await outbound.write(.binary(buffer))
            let sentAt = clock.now
            for sentence in sentencesEndingIn[index] ?? [] {
                recorder.speechEnded(sentence: sentence, at: sentAt)
            }
        }
    }

    private static func reason(for error: any Error) -> String {
        if let clientError = error as? WebSocketClientError, clientError == .webSocketUpgradeFailed {
            return "the WebSocket upgrade was refused: wrong path, or the server has no real-time route"
        }
        return "\(error)"
    }
}
