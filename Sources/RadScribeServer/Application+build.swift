import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Prometheus
import RadScribeCore
import RadScribeReporting
import RadScribeSpeech
import RadScribeStorage

/// Builds the RadScribe HTTP application: database, routes, middleware.
///
/// The database is opened (and migrated, when configured) here, before the server accepts traffic; a database that cannot be
/// opened or that a newer RadScribe migrated stops start-up.
///
/// - Parameters:
///   - configuration: The validated configuration.
///   - registry: The Prometheus registry that `/metrics` serves; the caller bootstraps metrics with ``ServerMetrics/makeFactory(registry:)``.
///   - logger: The application logger.
///   - speechEngine: An engine to use instead of the configured one (tests use ``ScriptedSpeechEngine``).
///   - onServerRunning: Called with the bound port once the server listens.
/// - Throws: ``StorageError`` when the database cannot be opened or migrated.
public func buildApplication(
    _ configuration: ServerConfiguration,
    registry: PrometheusCollectorRegistry,
    logger: Logger,
    speechEngine: (any SpeechEngine)? = nil,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let database = try openDatabase(configuration)
    let repository = SQLiteReportRepository(database: database)
    let transcripts = SQLiteTranscriptRepository(database: database)
    let engine = ReportEngine(fallbackLanguage: configuration.fallbackLanguage)
    let structuring = ReportStructuring(engine: engine, writer: try LLMReportWriterFactory.make(configuration.llm, logger: logger))
    let speech =
        speechEngine.map { SpeechService(engine: $0, supervisor: nil, settings: configuration.speech) }
        ?? SpeechService.make(settings: configuration.speech, logger: logger)
    let realtimeMetrics = RealtimeMetrics()
    let sessions = DictationSessionRegistry(speech: speech, transcripts: transcripts, metrics: realtimeMetrics, logger: logger)

    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        ProblemMiddleware()
        MetricsMiddleware()
    }
    HealthController(database: database, registry: registry, speech: speech).addRoutes(to: router)
    ReportController(
        structuring: structuring,
        repository: repository,
        reader: RequestBodyReader(limits: configuration.limits),
        defaultLanguage: configuration.defaultLanguage
    ).addRoutes(to: router.group("api/v1/reports"))

    SegmentAudioController(sessions: sessions).addRoutes(to: router.group("api/v1/realtime/sessions"))
    let dictationLanguage: Language
    if case .fixed(let language) = configuration.defaultLanguage {
        dictationLanguage = language
    } else {
        dictationLanguage = configuration.fallbackLanguage
    }
    OpenAITranscriptionController(speech: speech, defaultLanguage: dictationLanguage).addRoutes(to: router)

    let webSocketRouter = Router(context: AppRequestContext.self)
    webSocketRouter.add(middleware: RequestLogMiddleware())
    RealtimeTranscriptionController(
        registry: sessions,
        speech: speech,
        reports: repository,
        transcripts: transcripts,
        structuring: structuring,
        metrics: realtimeMetrics
    ).addRoutes(to: webSocketRouter)
    VoskProtocolController(speech: speech, defaultLanguage: dictationLanguage).addRoutes(to: webSocketRouter)

    let frameLimit = max(configuration.speech.maximumAudioFrameBytes * 4, 1 << 20)
    var application = Application(
        router: router,
        server: .http1WebSocketUpgrade(
            webSocketRouter: webSocketRouter,
            configuration: .init(
                http1: .init(additionalChannelHandlers: [ClientDisconnectDetector()]),
                ws: .init(maxFrameSize: frameLimit, autoPing: .enabled(timePeriod: .seconds(20)))
            )
        ),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "RadScribe"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
    if let supervisor = speech.supervisor {
        application.addServices(supervisor)
    }
    application.addServices(DictationDrain(sessions: sessions, gracePeriod: .seconds(10)))

    return application
}

private func openDatabase(_ configuration: ServerConfiguration) throws -> SQLiteDatabase {
    switch configuration.database {
    case .sqlite(let path):
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        let database = try SQLiteDatabase(path: path)
        if configuration.migrateOnStart {
            try database.migrate()
        } else {
            try database.verifySchemaIsCurrent()
        }
        return database
    }
}
