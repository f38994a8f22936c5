import AsyncHTTPClient

/// A ``BatchTranscriber`` for the supervised worker: it sends each clip to wherever the worker currently listens,
/// and reports the engine unavailable while the worker is (re)starting.
public struct SupervisedWorkerTranscriber: BatchTranscriber {
    private let supervisor: SpeechWorkerSupervisor
    private let httpClient: HTTPClient

    /// Creates a transcriber for the worker `supervisor` runs.
    public init(supervisor: SpeechWorkerSupervisor, httpClient: HTTPClient = .shared) {
        self.supervisor = supervisor
        self.httpClient = httpClient
    }

    public func transcribe(_ request: TranscriptionRequest) async throws(SpeechEngineError) -> Transcription {
        guard let baseURL = await supervisor.baseURL else {
            throw SpeechEngineError(.unavailable, "the speech worker is starting")
        }
        return try await OpenAITranscriptionClient(configuration: .init(baseURL: baseURL), httpClient: httpClient).transcribe(request)
    }
}
