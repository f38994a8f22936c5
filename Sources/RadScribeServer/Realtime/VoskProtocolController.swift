import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import RadScribeCore
import RadScribeSpeech
import ServiceLifecycle

/// The Vosk server protocol on `/api/v1/asr/vosk`, so existing Vosk clients work against RadScribe unchanged.
///
/// Each binary frame is answered with exactly one message (a ready final, else the current partial), as
/// `asr_server.py` does, so lock-step clients stay in step. `{"eof" : 1}` is answered with one final holding all
/// remaining text, then the socket closes. The language comes from `?language=` (an unknown one refuses the upgrade);
/// Vosk sessions are not stored. Text messages that are neither `config` nor `eof` are ignored. The protocol has no
/// error message, so bad input closes the socket with a code and a reason: 1007 for an unsupported `sample_rate` or a
/// frame of partial samples, 1009 for a frame over `RADSCRIBE_MAX_AUDIO_FRAME_BYTES`, 1011 when the engine is down.
struct VoskProtocolController: Sendable {
    let speech: SpeechService
    let defaultLanguage: Language
    let finalizer = SegmentFinalizer()

    func addRoutes(to router: Router<AppRequestContext>) {
        router.ws("api/v1/asr/vosk") { request, _ in
            guard let code = request.uri.queryParameters["language"] else { return .upgrade([:]) }
            return Language(rawValue: String(code).lowercased()) == nil ? .dontUpgrade : .upgrade([:])
        } onUpgrade: { inbound, outbound, context in
            let code = context.request.uri.queryParameters["language"].map { String($0).lowercased() }
            await serve(
                inbound: inbound,
                outbound: outbound,
                language: code.flatMap(Language.init(rawValue:)) ?? defaultLanguage,
                logger: context.logger
            )
        }
    }

    private func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, language: Language, logger: Logger) async {
        var sampleRate = 16_000
        var extraTerms: [String] = []
        var stream: VoskStreamState?
        do {
            for try await message in inbound.messages(maxSize: speech.settings.maximumAudioFrameBytes * 4).cancelOnGracefulShutdown() {
                switch message {
                case .text(let text):
                    let control = VoskControlMessage(text)
                    switch control {
                    case .config(let rate, let phrases):
                        guard stream == nil else { continue }
                        sampleRate = rate ?? sampleRate
                        extraTerms = phrases
                        _ = try AudioFormat(sampleRate: sampleRate, channelCount: 1, encoding: .pcm16le)
                    case .eof:
                        try await outbound.write(.text(await finish(stream, language: language)))
                        try await outbound.close(.normalClosure, reason: nil)
                        return
                    case .unknown:
                        continue
                    }
                case .binary(let buffer):
                    if stream == nil {
                        stream = try await open(language: language, sampleRate: sampleRate, extraTerms: extraTerms)
                    }
                    guard var current = stream else { continue }
                    let samples = try current.intake.decode(buffer.readableBytesView)
                    stream = current
                    await current.recognizer.accept(samples)
                    try await outbound.write(.text(await current.replies.next(language: language, finalizer: finalizer)))
                }
            }
        } catch {
            logger.debug("vosk socket ended", metadata: ["error.type": "\(type(of: error))"])
            if let (code, reason) = Self.closing(for: error) {
                try? await outbound.close(code, reason: Self.closeReason(reason))
            }
        }
        await stream?.recognizer.cancel()
    }

    /// A close reason fits in 123 bytes of UTF-8.
    private static func closeReason(_ text: String) -> String {
        var reason = ""
        for character in text {
            guard reason.utf8.count + character.utf8.count <= 123 else { break }
            reason.append(character)
        }
        return reason
    }

    /// The Vosk protocol has no error message: bad input closes the socket with a code and a reason that say why.
    private static func closing(for error: any Error) -> (WebSocketErrorCode, String)? {
        switch error {
        case let error as AudioInputError:
            (.dataInconsistentWithMessage, error.description)
        case let error as RealtimeError where error.kind == .frameTooLarge:
            (.messageTooLarge, error.message)
        case let error as RealtimeError:
            (.dataInconsistentWithMessage, error.message)
        case is SpeechEngineError:
            (.unexpectedServerError, "the speech engine is unavailable")
        default:
            nil
        }
    }

    private func open(language: Language, sampleRate: Int, extraTerms: [String]) async throws -> VoskStreamState {
        let format = try AudioFormat(sampleRate: sampleRate, channelCount: 1, encoding: .pcm16le)
        let configuration = speech.recognitionConfiguration(language: language, examType: nil, extraTerms: extraTerms)
        let recognizer = try await speech.engine.startRecognition(configuration)
        let replies = VoskReplies()
        let consumer = Task {
            for await event in recognizer.events {
                await replies.record(event)
            }
        }
        return VoskStreamState(
            recognizer: recognizer,
            intake: AudioIntake(
                format: format,
                maximumFrameBytes: speech.settings.maximumAudioFrameBytes,
                preprocessing: speech.settings.preprocessing
            ),
            replies: replies,
            consumer: consumer
        )
    }

    private func finish(_ stream: VoskStreamState?, language: Language) async -> String {
        guard var stream else { return VoskReplies.final(text: "", words: []) }
        await stream.recognizer.accept(stream.intake.flush())
        await stream.recognizer.finish()
        await stream.consumer.value
        return await stream.replies.remainder(language: language, finalizer: finalizer)
    }
}

/// One Vosk connection's recognizer and audio decoding.
private struct VoskStreamState {
    let recognizer: any SpeechRecognizer
    var intake: AudioIntake
    let replies: VoskReplies
    let consumer: Task<Void, Never>
}

/// A text message of the Vosk protocol.
private enum VoskControlMessage {
    case config(sampleRate: Int?, phrases: [String])
    case eof
    case unknown

    init(_ text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            self = .unknown
            return
        }
        if object["eof"] != nil {
            self = .eof
        } else if let config = object["config"] as? [String: Any] {
            let rate = (config["sample_rate"] as? NSNumber).map { Int(truncating: $0) }
            self = .config(sampleRate: rate, phrases: (config["phrase_list"] as? [String]) ?? [])
        } else {
            self = .unknown
        }
    }
}

/// The finals and the latest partial of one Vosk connection, turned into Vosk's JSON replies.
private actor VoskReplies {
    private var finals: [UtteranceTranscript] = []
    private var partial = ""

    func record(_ event: RecognitionEvent) {
        switch event {
        case .partial(let hypothesis): partial = hypothesis.text
        case .final(let utterance) where !utterance.text.isEmpty:
            finals.append(utterance)
            partial = ""
        case .final, .engineUnavailable, .engineRecovered, .utteranceLost: break
        }
    }

    /// The reply to one audio frame: the oldest ready final, else the current partial.
    func next(language: Language, finalizer: SegmentFinalizer) -> String {
        guard !finals.isEmpty else {
            return RealtimeServerMessage.text(["partial": partial])
        }
        let utterance = finals.removeFirst()
        return Self.final(text: finalizer.normalizedText(utterance.text, language: language), words: utterance.words)
    }

    /// Every final not yet sent, as one.
    func remainder(language: Language, finalizer: SegmentFinalizer) -> String {
        let text = finals.map { finalizer.normalizedText($0.text, language: language) }.joined(separator: " ")
        let words = finals.flatMap(\.words)
        finals = []
        return Self.final(text: text, words: words)
    }

    static func final(text: String, words: [RecognizedWord]) -> String {
        RealtimeServerMessage.text(
            VoskFinal(
                text: text,
                result: words.map {
                    VoskFinal.Word(
                        conf: ($0.confidence * 1000).rounded() / 1000,
                        start: ($0.start * 1000).rounded() / 1000,
                        end: ($0.end * 1000).rounded() / 1000,
                        word: $0.text
                    )
                }
            )
        )
    }
}

/// Vosk's final result: `{"result": [{"conf", "end", "start", "word"}], "text"}`.
private struct VoskFinal: Encodable {
    struct Word: Encodable {
        var conf: Double
        var start: Double
        var end: Double
        var word: String
    }

    var text: String
    var result: [Word]
}
