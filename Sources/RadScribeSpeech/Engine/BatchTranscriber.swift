/// A speech engine that decodes one whole clip per request (Whisper behind an OpenAI-compatible API, for example).
///
/// Streaming behaviour on top of a batch engine comes from ``BatchStreamingRecognizer``.
public protocol BatchTranscriber: Sendable {
    /// Decodes a clip. Throws ``SpeechEngineError`` when the engine cannot be reached or rejects the clip.
    func transcribe(_ request: TranscriptionRequest) async throws(SpeechEngineError) -> Transcription
}
