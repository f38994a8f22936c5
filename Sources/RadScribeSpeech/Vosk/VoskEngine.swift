import Logging

/// A ``SpeechEngine`` backed by a Vosk server (`alphacep/vosk-server`, `asr_server.py`) over WebSocket.
///
/// Each recognition stream opens its own WebSocket and speaks Vosk's protocol: a `config` message, binary PCM16
/// frames of at most ``VoskEngineConfiguration/frameByteLimit`` bytes, and `{"eof" : 1}`. The server's model fixes
/// the language; ``RecognitionConfiguration/language`` is not sent.
///
/// Events:
/// - `{"partial": "..."}` becomes ``RecognitionEvent/partial(_:)`` with the text only: Vosk's partials carry no
///   word timings, so `committedWords` and `tentativeWords` stay empty. Empty and repeated partials are skipped.
/// - `{"text": "...", "result": [...]}` becomes ``RecognitionEvent/final(_:)``, numbered from 0, with the words'
///   times in seconds from the start of the stream. Empty finals (Vosk's answer to silence) are skipped.
///   `decodeDuration` is approximate: the time from sending the frame that the final answers to receiving it.
///   `speechEndedAt` is when the audio holding the end of the last word reached `accept`.
/// - A broken connection emits ``RecognitionEvent/engineUnavailable(_:)`` once, reconnects with back-off, sends
///   the audio since the last final again, and emits ``RecognitionEvent/engineRecovered``. No final is lost or
///   repeated; audio beyond ``VoskEngineConfiguration/audioRetention`` without a final is cut, oldest first.
/// - When `finish()` times out while the server was still hearing an utterance (its last partial had text),
///   ``RecognitionEvent/utteranceLost(utteranceIndex:_:)`` reports it with a `timeout` error.
public struct VoskEngine: SpeechEngine {
    /// `vosk`.
    public let name = "vosk"
    /// The server's URL, `ws://host:port[/path]` or `wss://…`.
    public let url: String
    /// Timeouts, reconnection and buffering.
    public let configuration: VoskEngineConfiguration
    private let logger: Logger

    /// Creates an engine; nothing connects until ``startRecognition(_:)``.
    ///
    /// - Parameters:
    ///   - url: The server's URL, `ws://host:port[/path]` or `wss://…`.
    ///   - configuration: Timeouts, reconnection and buffering.
    ///   - logger: Where connection problems are logged; audio and text never are.
    public init(url: String, configuration: VoskEngineConfiguration = VoskEngineConfiguration(), logger: Logger) {
        self.url = url
        self.configuration = configuration
        self.logger = logger
    }

    /// Opens a WebSocket to the server and sends `{"config": {"sample_rate": 16000, "words": 1, "phrase_list": [...]}}`.
    ///
    /// `phrase_list` holds the comma-separated entries of ``RecognitionConfiguration/vocabularyPrompt`` and is left
    /// out without one.
    ///
    /// - Throws: ``SpeechEngineError`` of kind `unavailable` when the server cannot be reached or does not accept the
    ///   WebSocket within ``VoskEngineConfiguration/connectTimeout``.
    public func startRecognition(_ configuration: RecognitionConfiguration) async throws(SpeechEngineError) -> any SpeechRecognizer {
        let configurationMessage = VoskClientMessage.configuration(
            sampleRate: Endpointer.sampleRate,
            phrases: VoskClientMessage.phrases(fromVocabularyPrompt: configuration.vocabularyPrompt)
        )
        let stream = VoskStream(url: url, configurationMessage: configurationMessage, configuration: self.configuration, logger: logger)
        let first = stream.startAttempt()
        if case .failure(let error) = await stream.waitForConnection(first) {
            stream.stop()
            logger.warning("Vosk server unavailable", metadata: ["vosk.reason": "\(error.message)"])
            throw error
        }
        return VoskRecognizer(stream: stream, firstConnection: first)
    }
}
