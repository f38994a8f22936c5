import CoreMetrics
import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import RadScribeCore
import RadScribeSpeech
import RadScribeStorage
import ServiceLifecycle

/// The RadScribe real-time protocol on `/api/v1/realtime/transcription` (docs/realtime-protocol.md).
///
/// One instance serves all connections; per-connection state lives in ``Connection``. Every bad message is answered
/// with an `error` event and the connection goes on.
struct RealtimeTranscriptionController: Sendable {
    let registry: DictationSessionRegistry
    let speech: SpeechService
    let reports: any ReportRepository
    let transcripts: any TranscriptRepository
    let structuring: ReportStructuring
    let metrics: RealtimeMetrics

    /// Adds the WebSocket route.
    func addRoutes(to router: Router<AppRequestContext>) {
        router.ws("api/v1/realtime/transcription") { inbound, outbound, context in
            await serve(inbound: inbound, outbound: outbound, logger: context.logger)
        }
    }

    /// Serves one connection until the client goes away.
    func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async {
        metrics.openSockets.increment()
        defer { metrics.openSockets.decrement() }
        let (messages, continuation) = AsyncStream.makeStream(of: String.self)
        let writer = Task {
            for await message in messages {
                try? await outbound.write(.text(message))
            }
        }
        let channel = DictationSession.ClientChannel(id: UUID(), messages: continuation) {
            Task { try? await outbound.close(.goingAway, reason: "session taken over or not storable") }
        }
        // Messages are handled on their own task so the socket keeps being read (and pings answered) while a
        // stop or a report waits for the engine.
        let (incoming, feed) = AsyncStream.makeStream(of: WebSocketMessage.self)
        let processor = Task {
            var connection = Connection(channel: channel, controller: self, logger: logger)
            for await message in incoming {
                await connection.receive(message)
            }
            await connection.disconnected()
        }
        do {
            for try await message in inbound.messages(maxSize: speech.settings.maximumAudioFrameBytes * 4).cancelOnGracefulShutdown() {
                feed.yield(message)
            }
        } catch {
            logger.debug("dictation socket ended", metadata: ["error.type": "\(type(of: error))"])
        }
        // The client is gone (or the server is shutting down): queued messages are still processed and audio already
        // received is still decoded, but the socket is released now. ``DictationDrain`` bounds that work at shutdown.
        feed.finish()
        Task {
            await processor.value
            continuation.finish()
            await writer.value
        }
    }
}

/// The state of one real-time connection.
private struct Connection {
    let channel: DictationSession.ClientChannel
    let controller: RealtimeTranscriptionController
    let logger: Logger
    var session: DictationSession?
    var intake: AudioIntake?

    init(channel: DictationSession.ClientChannel, controller: RealtimeTranscriptionController, logger: Logger) {
        self.channel = channel
        self.controller = controller
        self.logger = logger
    }

    mutating func receive(_ message: WebSocketMessage) async {
        do throws(RealtimeError) {
            switch message {
            case .binary(let buffer):
                try await acceptAudio(buffer.readableBytesView)
            case .text(let text):
                switch try RealtimeClientMessage.decode(text) {
                case .start(let start): try await self.start(start)
                case .audio(let bytes): try await acceptAudio(bytes)
                case .stop: try await stop()
                case .generateReport: try await generateReport()
                }
            }
        } catch {
            controller.metrics.errors(error.kind.rawValue).increment()
            channel.messages.yield(RealtimeServerMessage.error(error))
        }
    }

    mutating func disconnected() async {
        if let session {
            if var intake, await session.isRecognizing {
                try? await session.acceptAudio(intake.flush())
                self.intake = intake
            }
            await session.detach(channel.id)
        }
    }

    private mutating func start(_ start: RealtimeClientMessage.Start) async throws(RealtimeError) {
        if let session, await session.isRecognizing {
            throw RealtimeError(.outOfOrder, "transcription is already running; send stop_transcription first")
        }
        let format: AudioFormat
        do {
            format = try AudioFormat(sampleRate: start.sampleRate, channelCount: start.channels, encoding: .init(validating: start.encoding))
        } catch {
            throw RealtimeError(.unsupportedAudioFormat, error.description)
        }
        let (session, token, resumed) = try await open(start)
        channel.messages.yield(
            RealtimeServerMessage.text(
                RealtimeServerMessage.SessionStarted(
                    sessionId: session.id,
                    sessionToken: token,
                    resumed: resumed,
                    segmentCount: await session.segmentCount,
                    language: session.language,
                    sampleRate: format.sampleRate,
                    encoding: format.encoding.rawValue,
                    channels: format.channelCount
                )
            )
        )
        if self.session !== session {
            await self.session?.detach(channel.id)
            await session.attach(channel)
            self.session = session
            // Taken over from another connection that was still sending: its audio is finalised first.
            if await session.isRecognizing {
                await session.stopRecognition(notify: false)
            }
        }
        try await session.startRecognition(examType: start.examType)
        intake = AudioIntake(
            format: format,
            maximumFrameBytes: controller.speech.settings.maximumAudioFrameBytes,
            preprocessing: controller.speech.settings.preprocessing
        )
        logger.info("dictation started", metadata: ["radscribe.session": "\(session.id)", "resumed": "\(resumed)"])
    }

    /// The session a start message asks for: the one it resumes, or a new one.
    private func open(_ start: RealtimeClientMessage.Start) async throws(RealtimeError) -> (DictationSession, String, Bool) {
        if let (id, token) = start.resume {
            return (try await controller.registry.find(id: id, token: token), token, true)
        }
        let (session, token) = try await controller.registry.create(language: start.language, examType: start.examType)
        return (session, token, false)
    }

    private mutating func acceptAudio(_ bytes: some Collection<UInt8>) async throws(RealtimeError) {
        guard let session, var intake, await session.isRecognizing else {
            throw RealtimeError(.outOfOrder, "send start_transcription before audio")
        }
        let samples = try intake.decode(bytes)
        self.intake = intake
        controller.metrics.audioSeconds.increment(by: Double(samples.count) / Double(Endpointer.sampleRate))
        try await session.acceptAudio(samples)
    }

    private mutating func stop() async throws(RealtimeError) {
        guard let session else {
            throw RealtimeError(.outOfOrder, "there is no session to stop; send start_transcription first")
        }
        if var intake, await session.isRecognizing {
            try await session.acceptAudio(intake.flush())
        }
        intake = nil
        await session.stopRecognition()
    }

    private mutating func generateReport() async throws(RealtimeError) {
        guard let session else {
            throw RealtimeError(.outOfOrder, "there is no session to report on; send start_transcription first")
        }
        if await session.isRecognizing {
            try await stop()
        }
        let text = await session.transcriptText
        guard !text.isEmpty else {
            throw RealtimeError(.reportFailed, "the session has no final text to structure yet")
        }
        do {
            let report = try await controller.structuring.write(
                DictationInput(text: text, language: .fixed(session.language), context: ReportContext())
            )
            let content = try ReportJSONEncoding.encoder.encode(report)
            let stored = try await controller.reports.create(
                NewReport(examType: report.classification.examType, language: report.language, searchText: report.text, content: content)
            )
            try await controller.transcripts.attachReport(stored.id, toSession: session.id)
            channel.messages.yield(RealtimeServerMessage.reportGenerated(reportId: stored.id, version: stored.version, report: content))
            logger.info("report generated from dictation", metadata: ["radscribe.session": "\(session.id)", "radscribe.report.id": "\(stored.id)"])
        } catch is StorageError {
            throw RealtimeError(.storageFailed, "the report cannot be stored now")
        } catch {
            throw RealtimeError(.reportFailed, "the dictation could not be structured")
        }
    }
}
