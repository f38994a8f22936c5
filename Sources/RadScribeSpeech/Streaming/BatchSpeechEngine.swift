/// A ``SpeechEngine`` over a batch engine (``OpenAITranscriptionClient`` for the bundled worker or any
/// OpenAI-compatible server), streamed by ``BatchStreamingRecognizer``.
public struct BatchSpeechEngine: SpeechEngine {
    public let name: String
    private let transcriber: any BatchTranscriber
    private let policy: StreamingPolicy
    private let transcriptGuard: TranscriptGuard

    /// Creates an engine.
    public init(
        name: String,
        transcriber: any BatchTranscriber,
        policy: StreamingPolicy = StreamingPolicy(),
        transcriptGuard: TranscriptGuard = TranscriptGuard()
    ) {
        self.name = name
        self.transcriber = transcriber
        self.policy = policy
        self.transcriptGuard = transcriptGuard
    }

    /// The same engine with another streaming policy (file transcription turns partials off).
    public func with(policy: StreamingPolicy) -> BatchSpeechEngine {
        BatchSpeechEngine(name: name, transcriber: transcriber, policy: policy, transcriptGuard: transcriptGuard)
    }

    public func startRecognition(_ configuration: RecognitionConfiguration) async throws(SpeechEngineError) -> any SpeechRecognizer {
        BatchStreamingRecognizer(transcriber: transcriber, configuration: configuration, policy: policy, transcriptGuard: transcriptGuard)
    }
}
