import Hummingbird
import Logging
import NIOCore
import Prometheus
import RadScribeSpeech
import RadScribeStorage

/// Liveness, readiness and metrics for orchestrators and monitoring.
struct HealthController<Context: RequestContext>: Sendable {
    let database: SQLiteDatabase
    let registry: PrometheusCollectorRegistry
    let speech: SpeechService

    func addRoutes(to router: Router<Context>) {
        router.get("health", use: health)
        router.get("ready", use: ready)
        router.get("metrics", use: metrics)
    }

    /// Liveness: the process answers.
    @Sendable func health(_ request: Request, context: Context) async throws -> HealthStatus {
        HealthStatus(status: "ok", database: nil, speech: nil)
    }

    /// Readiness: the database answers a query and the speech engine can take dictation.
    @Sendable func ready(_ request: Request, context: Context) async throws -> HealthStatus {
        do {
            try await database.ping()
        } catch {
            context.logger.warning("Readiness check failed", metadata: ["error.type": "\(type(of: error))"])
            throw Self.notReady("The database does not answer.", retryAfterSeconds: 5)
        }
        guard await speech.isReady() else {
            throw Self.notReady("The speech engine is starting.", retryAfterSeconds: 2)
        }
        return HealthStatus(status: "ready", database: "ok", speech: speech.engine.name)
    }

    /// The 503 problem `/ready` answers while a dependency is not ready.
    private static func notReady(_ detail: String, retryAfterSeconds: Int) -> Problem {
        Problem(
            .serviceUnavailable,
            type: "/problems/not-ready",
            title: "Not ready",
            detail: detail,
            headers: [.retryAfter: String(retryAfterSeconds)]
        )
    }

    /// Prometheus text exposition.
    @Sendable func metrics(_ request: Request, context: Context) async throws -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
        )
    }
}

/// The body of `/health` and `/ready`.
struct HealthStatus: ResponseEncodable {
    var status: String
    var database: String?
    var speech: String?
}
