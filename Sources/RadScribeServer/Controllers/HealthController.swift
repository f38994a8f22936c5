import Hummingbird
import Logging
import NIOCore
import Prometheus
import RadScribeStorage

/// Liveness, readiness and metrics for orchestrators and monitoring.
struct HealthController<Context: RequestContext>: Sendable {
    let database: SQLiteDatabase
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<Context>) {
        router.get("health", use: health)
        router.get("ready", use: ready)
        router.get("metrics", use: metrics)
    }

    /// Liveness: the process answers.
    @Sendable func health(_ request: Request, context: Context) async throws -> HealthStatus {
        HealthStatus(status: "ok", database: nil)
    }

    /// Readiness: the database answers a query.
    @Sendable func ready(_ request: Request, context: Context) async throws -> HealthStatus {
        do {
            try await database.ping()
        } catch {
            context.logger.warning("Readiness check failed", metadata: ["error.type": "\(type(of: error))"])
            throw Problem(
                .serviceUnavailable,
                type: "/problems/not-ready",
                title: "Not ready",
                detail: "The database does not answer.",
                headers: [.retryAfter: "5"]
            )
        }
        return HealthStatus(status: "ready", database: "ok")
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
}
