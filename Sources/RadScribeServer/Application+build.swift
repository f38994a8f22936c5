import Foundation
import Hummingbird
import Logging
import Prometheus
import RadScribeCore
import RadScribeReporting
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
///   - onServerRunning: Called with the bound port once the server listens.
/// - Throws: ``StorageError`` when the database cannot be opened or migrated.
public func buildApplication(
    _ configuration: ServerConfiguration,
    registry: PrometheusCollectorRegistry,
    logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) async throws -> some ApplicationProtocol {
    let database = try openDatabase(configuration)
    let repository = SQLiteReportRepository(database: database)
    let engine = ReportEngine(fallbackLanguage: configuration.fallbackLanguage)

    let router = Router(context: AppRequestContext.self)
    router.addMiddleware {
        RequestLogMiddleware()
        ProblemMiddleware()
        MetricsMiddleware()
    }
    HealthController(database: database, registry: registry).addRoutes(to: router)
    ReportController(
        structuring: ReportStructuring(engine: engine),
        repository: repository,
        reader: RequestBodyReader(limits: configuration.limits),
        defaultLanguage: configuration.defaultLanguage
    ).addRoutes(to: router.group("api/v1/reports"))

    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "RadScribe"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
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
