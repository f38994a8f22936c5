/// A speech engine that turns a stream of audio into partial and final text.
///
/// Implementations: ``BatchSpeechEngine`` (Whisper behind an OpenAI-compatible API, streamed by
/// ``BatchStreamingRecognizer``), ``VoskEngine`` (a Vosk server over WebSocket) and ``ScriptedSpeechEngine`` (tests).
public protocol SpeechEngine: Sendable {
    /// A short name for logs and metrics (`openai`, `vosk`, `scripted`).
    var name: String { get }

    /// Opens a recognition stream.
    func startRecognition(_ configuration: RecognitionConfiguration) async throws(SpeechEngineError) -> any SpeechRecognizer
}

/// One open recognition stream: audio in, ``RecognitionEvent``s out.
///
/// Audio is never dropped: when the engine falls behind, partial decodes are skipped, and every utterance still gets
/// its final. `events` finishes after `finish()` has delivered the last final, or after `cancel()`.
public protocol SpeechRecognizer: Sendable {
    /// The stream's events, in order. It can be iterated once.
    var events: AsyncStream<RecognitionEvent> { get }

    /// Adds mono 16 kHz samples in -1...1. Returns quickly; decoding happens in the background.
    func accept(_ samples: [Float]) async

    /// Ends the audio: the utterance in progress is finalised, and `events` finishes once every final is delivered.
    func finish() async

    /// Stops at once; utterances not yet final are abandoned.
    func cancel() async
}
