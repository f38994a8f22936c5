import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import Synchronization
import Testing

/// A Vosk server on 127.0.0.1 that speaks `asr_server.py`'s protocol byte for byte, with a scripted recogniser.
///
/// The recogniser reads words from the audio itself, so it hears the same text however the client cuts its frames
/// and whether the audio comes once or again after a reconnect: a word is a run of one constant non-zero PCM16 value
/// `v` (the word `vocabulary[v - 1]`), silence is zeros. Every binary frame is answered with one message: a final
/// when, at the end of the frame, words were heard and at least ``endpointSilence`` samples of silence follow them
/// (Kaldi's endpointing, which also covers the whole frame), else a partial. `{"eof" : 1}` is answered with a final
/// of what is left, then the server closes.
final class ScriptedVoskServer: Sendable {
    /// How the server misbehaves.
    struct Behaviour: Sendable {
        /// The first connection whose audio passes this many samples is closed (code 1011) without an answer; once.
        var dropOnceAfterSamples: Int?
        /// The first `{"eof" : 1}` closes the connection (code 1011) without an answer; once.
        var dropOnceOnEndOfStream = false
        /// Before each answer, send messages a client must ignore: not JSON, wrong types, unknown keys, binary.
        var sendsGarbage = false
        /// Whether `{"eof" : 1}` is answered at all.
        var answersEndOfStream = true
        /// Silence-only audio of this many samples is answered with `{"text" : ""}`, as Kaldi does after long silence.
        var emptyFinalAfterSilence: Int?
        /// The HTTP upgrade is held until the server shuts down.
        var holdsUpgrade = false
    }

    /// One message the server received.
    enum Message: Sendable, Hashable {
        case text(String)
        case binary([UInt8])
    }

    /// What one connection received and answered, in order.
    struct Connection: Sendable {
        /// The messages received.
        var received: [Message] = []
        /// The answers sent (garbage left out).
        var answers: [String] = []
        /// Whether the connection has ended.
        var isClosed = false

        /// The text messages received.
        var texts: [String] {
            received.compactMap { if case .text(let text) = $0 { text } else { nil } }
        }
        /// The bytes of all binary frames.
        var audio: [UInt8] { frameBytes.flatMap(\.self) }
        /// The size of each binary frame.
        var frameSizes: [Int] { frameBytes.map(\.count) }

        private var frameBytes: [[UInt8]] {
            received.compactMap { if case .binary(let bytes) = $0 { bytes } else { nil } }
        }
    }

    /// Words the recogniser knows; the word for PCM16 value `v` is `vocabulary[v - 1]`.
    static let vocabulary = [
        "kein", "nachweis", "einer", "lungenembolie", "pleuraerguss", "rechts", "basal", "no", "pulmonary", "embolism",
    ]
    /// Silence after words that ends an utterance: 0.1 s.
    static let endpointSilence = 1_600

    private let behaviour: Behaviour
    private let recorded = Mutex<[Connection]>([])
    private let hasDropped = Atomic<Bool>(false)
    private let upgradeGate = Gate()
    private let closures = AsyncStream.makeStream(of: Int.self)

    private init(behaviour: Behaviour) {
        self.behaviour = behaviour
    }

    /// What each connection received so far, in connection order.
    var connections: [Connection] { recorded.withLock { $0 } }

    /// Waits until connection `index` (from 0) has ended.
    func waitUntilClosed(connection index: Int) async {
        guard !(recorded.withLock { $0.indices.contains(index) && $0[index].isClosed }) else { return }
        for await closed in closures.stream where closed == index { return }
    }

    /// Runs a server for the duration of `body`, which gets the server and its `ws://127.0.0.1:<port>/vosk` URL.
    static func withServer<T: Sendable>(
        _ behaviour: Behaviour = Behaviour(),
        _ body: @Sendable (ScriptedVoskServer, String) async throws -> T
    ) async throws -> T {
        let server = ScriptedVoskServer(behaviour: behaviour)
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let logger = Logger(label: "scripted-vosk-server", factory: { _ in SwiftLogNoOpLogHandler() })
        let app = Application(
            router: Router(),
            server: .http1WebSocketUpgrade(webSocketRouter: server.makeRouter(), configuration: .init(ws: .init(maxFrameSize: 1 << 20))),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var portIterator = ports.makeAsyncIterator()
            let port = try #require(await portIterator.next())
            defer {
                server.upgradeGate.open()
                group.cancelAll()
            }
            return try await body(server, "ws://127.0.0.1:\(port)/vosk")
        }
    }

    /// A `ws://` URL on which nothing listens: the port of a server that has been shut down.
    static func closedPortURL() async throws -> String {
        try await withServer { _, url in url }
    }

    private func makeRouter() -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("vosk") { _, _ in
            if self.behaviour.holdsUpgrade { await self.upgradeGate.wait() }
            return .upgrade([:])
        } onUpgrade: { inbound, outbound, _ in
            try await self.serve(inbound: inbound, outbound: outbound)
        }
        return router
    }

    private func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let index = recorded.withLock { connections in
            connections.append(Connection())
            return connections.count - 1
        }
        defer {
            recorded.withLock { $0[index].isClosed = true }
            closures.continuation.yield(index)
        }
        var recognizer = ScriptedRecognizer(emptyFinalAfterSilence: behaviour.emptyFinalAfterSilence)
        for try await message in inbound.messages(maxSize: 1 << 20) {
            switch message {
            case .text(let text):
                recorded.withLock { $0[index].received.append(.text(text)) }
                // asr_server.py: config messages get no answer; eof is compared byte for byte.
                guard text == #"{"eof" : 1}"# else { continue }
                if behaviour.dropOnceOnEndOfStream, claimDrop() { return try await drop(outbound) }
                guard behaviour.answersEndOfStream else { continue }
                try await answer(recognizer.finalResult(), on: outbound, connection: index)
                return
            case .binary(let buffer):
                let bytes = Array(buffer.readableBytesView)
                recorded.withLock { $0[index].received.append(.binary(bytes)) }
                if let limit = behaviour.dropOnceAfterSamples, recognizer.position + bytes.count / 2 > limit, claimDrop() {
                    return try await drop(outbound)
                }
                try await answer(recognizer.accept(bytes), on: outbound, connection: index)
            }
        }
    }

    private func answer(_ json: String, on outbound: WebSocketOutboundWriter, connection index: Int) async throws {
        recorded.withLock { $0[index].answers.append(json) }
        if behaviour.sendsGarbage {
            for garbage in [#"this is not JSON"#, #"{"partial": 42}"#, #"{"spk": [0.25, -0.5]}"#, #"["text"]"#, #"{"text": "#] {
                try await outbound.write(.text(garbage))
            }
            try await outbound.write(.binary(ByteBuffer(bytes: [0xDE, 0xAD])))
        }
        try await outbound.write(.text(json))
    }

    private func claimDrop() -> Bool {
        !hasDropped.exchange(true, ordering: .relaxed)
    }

    private func drop(_ outbound: WebSocketOutboundWriter) async throws {
        try await outbound.close(.unexpectedServerError, reason: "scripted drop")
    }
}

/// The scripted server's recogniser for one connection; times are seconds from the start of the connection's audio.
private struct ScriptedRecognizer {
    private struct Word {
        var value: Int
        var start: Int
        var end: Int
    }

    let emptyFinalAfterSilence: Int?
    private(set) var position = 0
    private var runValue = 0
    private var runStart = 0
    private var words: [Word] = []

    init(emptyFinalAfterSilence: Int?) {
        self.emptyFinalAfterSilence = emptyFinalAfterSilence
    }

    /// Reads one binary frame and answers it like `KaldiRecognizer.AcceptWaveform` + `Result`/`PartialResult`.
    mutating func accept(_ bytes: [UInt8]) -> String {
        for index in stride(from: 0, to: bytes.count - 1, by: 2) {
            let value = Int(Int16(bitPattern: UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8))
            if value != runValue {
                closeRun()
                runValue = value
                runStart = position
            }
            position += 1
        }
        let silence = runValue == 0 ? position - runStart : 0
        if !words.isEmpty, silence >= ScriptedVoskServer.endpointSilence {
            return finalResult()
        }
        if words.isEmpty, let limit = emptyFinalAfterSilence, silence >= limit {
            runStart = position
            return "{\n  \"text\" : \"\"\n}"
        }
        let heard = words.map(\.value) + (runValue != 0 ? [runValue] : [])
        return "{\n  \"partial\" : \"\(Self.text(of: heard))\"\n}"
    }

    /// The final of what was heard since the last one, in Vosk's layout; `{"text" : ""}` when nothing was.
    mutating func finalResult() -> String {
        closeRun()
        runStart = position
        runValue = 0
        defer { words = [] }
        guard !words.isEmpty else { return "{\n  \"text\" : \"\"\n}" }
        let result = words.map { word in
            """
            {
                  "conf" : \(Self.decimal(Self.confidence(of: word.value))),
                  "end" : \(Self.decimal(Double(word.end) / 16_000)),
                  "start" : \(Self.decimal(Double(word.start) / 16_000)),
                  "word" : "\(ScriptedVoskServer.vocabulary[word.value - 1])"
                }
            """
        }
        return "{\n  \"result\" : [\(result.joined(separator: ", "))],\n  \"text\" : \"\(Self.text(of: words.map(\.value)))\"\n}"
    }

    /// The confidence the recogniser gives word `value`.
    static func confidence(of value: Int) -> Double {
        1 - Double(value) / 20
    }

    private mutating func closeRun() {
        if runValue > 0, runValue <= ScriptedVoskServer.vocabulary.count {
            words.append(Word(value: runValue, start: runStart, end: position))
        }
    }

    private static func text(of values: [Int]) -> String {
        values.filter { $0 > 0 && $0 <= ScriptedVoskServer.vocabulary.count }.map { ScriptedVoskServer.vocabulary[$0 - 1] }
            .joined(separator: " ")
    }

    private static func decimal(_ value: Double) -> String {
        String(format: "%.6f", value)
    }
}

/// Holds tasks until it is opened.
private final class Gate: Sendable {
    private let state = Mutex<(isOpen: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { continuation in
            let isOpen = state.withLock { state in
                if !state.isOpen { state.waiters.append(continuation) }
                return state.isOpen
            }
            if isOpen { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.isOpen = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
