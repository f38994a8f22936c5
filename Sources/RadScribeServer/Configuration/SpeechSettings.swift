import RadScribeSpeech

/// How the server reaches its speech engine and streams dictation.
public struct SpeechSettings: Sendable, Hashable {
    /// Which speech engine serves dictation.
    public enum Engine: Sendable, Hashable {
        /// The bundled faster-whisper worker, started and supervised by the server.
        case worker(directory: String, python: String?)
        /// An OpenAI-compatible transcription server at this base URL (`…/v1`): a GPU worker pool, speaches, OpenAI.
        case openAI(baseURL: String, apiKey: String?, model: String)
        /// A Vosk server (`ws://…`).
        case vosk(url: String)
    }

    /// The engine.
    public var engine: Engine
    /// Silence that ends an utterance, in milliseconds.
    public var endpointSilenceMilliseconds: Int
    /// Silence after which a batch engine's final decode starts speculatively, in milliseconds.
    public var speculationDelayMilliseconds: Int
    /// The longest utterance before it is cut, in seconds.
    public var maximumUtteranceSeconds: Int
    /// How long a session's audio is kept in memory for playback and re-decoding, in seconds.
    public var audioRetentionSeconds: Int
    /// The largest audio frame a client may send, in bytes.
    public var maximumAudioFrameBytes: Int
    /// Optional pre-processing of incoming audio (pre-emphasis, noise gate, level normalisation).
    public var preprocessing: AudioPreprocessing

    /// Creates settings; the defaults are those of the README's configuration table.
    public init(
        engine: Engine = .worker(directory: "speech-worker", python: nil),
        endpointSilenceMilliseconds: Int = 500,
        speculationDelayMilliseconds: Int = 100,
        maximumUtteranceSeconds: Int = 28,
        audioRetentionSeconds: Int = 1_800,
        maximumAudioFrameBytes: Int = 256 * 1024,
        preprocessing: AudioPreprocessing = []
    ) {
        self.engine = engine
        self.endpointSilenceMilliseconds = endpointSilenceMilliseconds
        self.speculationDelayMilliseconds = speculationDelayMilliseconds
        self.maximumUtteranceSeconds = maximumUtteranceSeconds
        self.audioRetentionSeconds = audioRetentionSeconds
        self.maximumAudioFrameBytes = maximumAudioFrameBytes
        self.preprocessing = preprocessing
    }
}
