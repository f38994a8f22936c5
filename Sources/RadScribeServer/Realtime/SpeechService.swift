import AsyncHTTPClient
import Foundation
import Logging
import RadScribeCore
import RadScribeSpeech

/// The server's speech engine with the settings every dictation protocol shares.
struct SpeechService: Sendable {
    /// The engine.
    let engine: any SpeechEngine
    /// The supervisor of the bundled worker, when the server runs one.
    let supervisor: SpeechWorkerSupervisor?
    /// The streaming settings.
    let settings: SpeechSettings

    /// Whether the engine can take dictation now.
    func isReady() async -> Bool {
        guard let supervisor else { return true }
        return await supervisor.baseURL != nil
    }

    /// The recognition settings of a session: its language, a vocabulary prompt for its exam type, the endpointing.
    ///
    /// Vosk gets no prompt: small Vosk models treat a `phrase_list` as a grammar and would hear nothing else.
    func recognitionConfiguration(language: Language, examType: ExamType?, extraTerms: [String] = []) -> RecognitionConfiguration {
        var usesPrompt = true
        if case .vosk = settings.engine {
            usesPrompt = false
        }
        var endpointer = EndpointerConfiguration()
        endpointer.utteranceEndSilence = .milliseconds(settings.endpointSilenceMilliseconds)
        endpointer.maximumUtteranceDuration = .seconds(settings.maximumUtteranceSeconds)
        return RecognitionConfiguration(
            language: language,
            vocabularyPrompt: usesPrompt ? VocabularyPrompt.make(language: language, examType: examType, extraTerms: extraTerms) : nil,
            endpointer: endpointer
        )
    }

    /// The service for the configured engine; the bundled worker is supervised (the caller runs the supervisor as a service).
    static func make(settings: SpeechSettings, logger: Logger) -> SpeechService {
        let policy = StreamingPolicy(speculationDelay: .milliseconds(settings.speculationDelayMilliseconds))
        switch settings.engine {
        case .worker(let directory, let python):
            let supervisor = SpeechWorkerSupervisor(
                configuration: .init(python: python ?? directory + "/.venv/bin/python", script: directory + "/worker.py"),
                logger: logger
            )
            let engine = BatchSpeechEngine(name: "worker", transcriber: SupervisedWorkerTranscriber(supervisor: supervisor), policy: policy)
            return SpeechService(engine: engine, supervisor: supervisor, settings: settings)
        case .openAI(let baseURL, let apiKey, let model):
            let client = OpenAITranscriptionClient(configuration: .init(baseURL: baseURL, model: model, apiKey: apiKey))
            return SpeechService(engine: BatchSpeechEngine(name: "openai", transcriber: client, policy: policy), supervisor: nil, settings: settings)
        case .vosk(let url):
            return SpeechService(engine: VoskEngine(url: url, logger: logger), supervisor: nil, settings: settings)
        }
    }
}
