import HummingbirdWSClient
import Logging
import NIOCore
import Synchronization

/// One recognition stream to a Vosk server: audio in, ``RecognitionEvent``s out, across reconnections.
///
/// A connection runs a writer (queued audio, then `{"eof" : 1}`) and a reader (partials and finals) side by side.
/// When it breaks, ``drive(from:)`` reconnects with back-off, and the new connection sends the configuration and the
/// retained audio again before anything newer. All decisions are made by ``VoskStreamState`` under one lock.
final class VoskStream: Sendable {
    /// The stream's events; finished when the stream ends.
    let events: AsyncStream<RecognitionEvent>
    private let eventSink: AsyncStream<RecognitionEvent>.Continuation
    private let state: Mutex<VoskStreamState>
    private let url: String
    private let configurationMessage: String
    private let configuration: VoskEngineConfiguration
    private let logger: Logger

    /// Creates a stream that has not connected yet.
    ///
    /// - Parameters:
    ///   - url: The server's `ws://` or `wss://` URL.
    ///   - configurationMessage: The first text message of every connection.
    ///   - configuration: Timeouts, back-off and buffer limits.
    ///   - logger: Where lifecycle and protocol problems are logged (never audio or text).
    init(url: String, configurationMessage: String, configuration: VoskEngineConfiguration, logger: Logger) {
        (events, eventSink) = AsyncStream.makeStream(of: RecognitionEvent.self, bufferingPolicy: .unbounded)
        state = Mutex(
            VoskStreamState(
                frameByteLimit: configuration.frameByteLimit,
                retentionSampleLimit: Self.sampleCount(configuration.audioRetention),
                sendQueueSampleLimit: Self.sampleCount(configuration.sendQueueLimit)
            )
        )
        self.url = url
        self.configurationMessage = configurationMessage
        self.configuration = configuration
        self.logger = logger
    }

    // MARK: Caller

    /// Queues 16 kHz samples; waits only while connected and more than the send queue limit is unsent.
    func accept(_ samples: [Float]) async {
        guard !samples.isEmpty else { return }
        var bytes: [UInt8] = []
        PCM16Encoding.append(samples, to: &bytes)
        let (appending, mustWait) = state.withLock { state in (state.append(bytes, at: .now), state.mustWaitForSpace) }
        switch appending {
        case .ignored:
            logger.debug("Audio after the end of the Vosk stream ignored")
            return
        case .queued(let cutSamples, let startsCutting) where startsCutting:
            logger.warning("Vosk audio retention exceeded; the oldest unfinalised audio is cut", metadata: ["vosk.cut_samples": "\(cutSamples)"])
        case .queued:
            break
        }
        guard mustWait else { return }
        await withCheckedContinuation { continuation in
            if !state.withLock({ $0.waitForSpace(continuation) }) { continuation.resume() }
        }
    }

    /// Sends the end of the stream and waits for the last final, at most ``VoskEngineConfiguration/finishTimeout``.
    ///
    /// On timeout the stream is stopped, and an utterance the server was still hearing is reported as lost.
    func finish() async {
        guard state.withLock({ $0.requestEndOfStream() }) else { return }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                guard (try? await Task.sleep(for: self.configuration.finishTimeout)) != nil else { return }
                let timeout = SpeechEngineError(.timeout, "the Vosk server did not send its last final in time")
                if self.stop(losing: timeout) { self.logger.warning("Vosk final answer timed out; the stream is closed") }
            }
            await withCheckedContinuation { continuation in
                if !state.withLock({ $0.waitForEnd(continuation) }) { continuation.resume() }
            }
            group.cancelAll()
        }
    }

    /// Ends the stream at once: events finish, waiters resume and the connection closes.
    ///
    /// - Parameter error: When given, an utterance the server was still hearing is reported lost with this error.
    /// - Returns: Whether this call ended the stream (it had not ended before).
    @discardableResult
    func stop(losing error: SpeechEngineError? = nil) -> Bool {
        let (released, lost, ended) = state.withLock { state in
            let ended = !state.hasEnded
            let lost = ended ? state.utteranceInProgress : nil
            return (state.end(), lost, ended)
        }
        released.attemptTask?.cancel()
        if let lost, let error { eventSink.yield(.utteranceLost(utteranceIndex: lost, error)) }
        finishEvents(resuming: released.waiters)
        return ended
    }

    // MARK: Connections

    /// Starts a connection attempt in its own task.
    func startAttempt() -> VoskConnectionAttempt {
        let generation = state.withLock { $0.beginAttempt() }
        let (signals, signalSink) = AsyncStream.makeStream(of: VoskConnectionAttempt.Signal.self)
        let clientConfiguration = WebSocketClientConfiguration(
            maxFrameSize: max(configuration.maximumMessageSize, configuration.frameByteLimit),
            closeTimeout: configuration.connectTimeout
        )
        // swift-websocket traces the first bytes of every frame, recognised text and audio included.
        var clientLogger = logger
        clientLogger.logLevel = max(logger.logLevel, .debug)
        let task = Task { [clientLogger] in
            do {
                try await WebSocketClient.connect(url: url, configuration: clientConfiguration, logger: clientLogger) { inbound, outbound, _ in
                    try await self.serve(inbound: inbound, outbound: outbound, generation: generation) {
                        signalSink.yield(.connected)
                    }
                }
            } catch {
                logger.debug("Vosk connection failed", metadata: ["error.type": "\(type(of: error))"])
                signalSink.yield(.failed(Self.engineError(for: error)))
            }
            signalSink.finish()
        }
        if !state.withLock({ $0.setAttemptTask(task) }) { task.cancel() }
        return VoskConnectionAttempt(generation: generation, task: task, signals: signals)
    }

    /// Waits until `attempt` has connected; an attempt that fails or runs out of time is abandoned.
    func waitForConnection(_ attempt: VoskConnectionAttempt) async -> Result<Void, SpeechEngineError> {
        let result = await attempt.waitUntilConnected(within: configuration.connectTimeout)
        guard case .failure = result, state.withLock({ $0.abandonAttempt(generation: attempt.generation) }) else { return .success(()) }
        attempt.task.cancel()
        return result
    }

    /// Watches the open connection and reconnects with back-off whenever it breaks, until the stream ends.
    ///
    /// - Parameter first: The attempt that opened the stream; it has connected.
    func drive(from first: VoskConnectionAttempt) async {
        var attempt = first
        while true {
            await attempt.waitUntilEnded()
            guard state.withLock({ $0.needsReconnect }), let next = await reconnect() else { break }
            attempt = next
        }
        // Only a cancelled driver gets here with the stream still open.
        stop()
    }

    private func reconnect() async -> VoskConnectionAttempt? {
        var delay = configuration.initialReconnectDelay
        while true {
            guard (try? await Task.sleep(for: delay)) != nil, state.withLock({ $0.needsReconnect }) else { return nil }
            delay = min(delay * 2, configuration.maximumReconnectDelay)
            let attempt = startAttempt()
            switch await waitForConnection(attempt) {
            case .success: return attempt
            case .failure(let error): logger.debug("Vosk reconnection failed", metadata: ["vosk.reason": "\(error.message)"])
            }
        }
    }

    /// Runs one open WebSocket: configuration first, then the writer and the reader until either ends.
    private func serve(
        inbound: WebSocketInboundStream,
        outbound: WebSocketOutboundWriter,
        generation: Int,
        onOpen: () -> Void
    ) async throws {
        try await outbound.write(.text(configurationMessage))
        let (doorbell, bell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        guard let recovers = state.withLock({ $0.openConnection(generation: generation, doorbell: bell) }) else { return }
        defer { closeConnection(generation: generation) }
        onOpen()
        if recovers {
            logger.info("Vosk connection recovered")
            eventSink.yield(.engineRecovered)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.send(to: outbound, doorbell: doorbell, generation: generation) }
            group.addTask { try await self.receive(from: inbound, generation: generation) }
            try await group.next()
            group.cancelAll()
        }
    }

    private func send(to outbound: WebSocketOutboundWriter, doorbell: AsyncStream<Void>, generation: Int) async throws {
        for await _ in doorbell {
            while true {
                let (action, waiters) = state.withLock { $0.nextWrite(generation: generation, at: .now) }
                for waiter in waiters { waiter.resume() }
                guard let action else { break }
                switch action {
                case .audio(let bytes): try await outbound.write(.binary(ByteBuffer(bytes: bytes)))
                case .endOfStream: try await outbound.write(.text(VoskClientMessage.endOfStream))
                }
            }
        }
    }

    private func receive(from inbound: WebSocketInboundStream, generation: Int) async throws {
        for try await message in inbound.messages(maxSize: configuration.maximumMessageSize) {
            guard case .text(let json) = message else {
                logger.debug("Vosk binary message ignored")
                continue
            }
            guard let reply = VoskServerMessage(json: json) else {
                logger.debug("Malformed Vosk message ignored", metadata: ["vosk.message_bytes": "\(json.utf8.count)"])
                continue
            }
            let (reception, released) = state.withLock { state in
                let reception = state.receive(reply, generation: generation, at: .now)
                return (reception, reception.completesStream ? state.end().waiters : [])
            }
            if !reception.wasExpected { logger.debug("Unrequested Vosk message ignored") }
            if let event = reception.event { eventSink.yield(event) }
            if reception.completesStream {
                finishEvents(resuming: released)
                return
            }
        }
    }

    private func closeConnection(generation: Int) {
        let (startsOutage, waiters) = state.withLock { $0.closeConnection(generation: generation) }
        for waiter in waiters { waiter.resume() }
        guard startsOutage else { return }
        logger.warning("Vosk connection lost; reconnecting")
        eventSink.yield(
            .engineUnavailable(SpeechEngineError(.unavailable, "the Vosk connection broke; audio is kept and sent again on reconnection"))
        )
    }

    private func finishEvents(resuming waiters: [CheckedContinuation<Void, Never>]) {
        eventSink.finish()
        for waiter in waiters { waiter.resume() }
    }

    private static func engineError(for error: any Error) -> SpeechEngineError {
        switch error as? WebSocketClientError {
        case .some(.webSocketUpgradeFailed):
            SpeechEngineError(.unavailable, "the Vosk server refused the WebSocket upgrade")
        case .some(.invalidURL):
            SpeechEngineError(.unavailable, "the Vosk URL is not a valid ws:// or wss:// URL")
        default:
            SpeechEngineError(.unavailable, "the Vosk server cannot be reached")
        }
    }

    private static func sampleCount(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds) * Endpointer.sampleRate + Int(attoseconds / (1_000_000_000_000_000_000 / Int64(Endpointer.sampleRate)))
    }
}
