import Hummingbird
import Logging

/// Logs one line per request: method, route pattern, status and duration.
///
/// Unlike Hummingbird's `LogRequestsMiddleware` it never logs the query string or the concrete path, which can carry
/// patient data (a history search `?q=`, an id in the path); the route pattern (`/api/v1/reports/{id}`) is enough to operate.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - start
        context.logger.info(
            "Request",
            metadata: [
                "http.request.method": "\(request.method)",
                "http.route": "\(context.endpointPath ?? "unmatched")",
                "http.response.status_code": "\(response.status.code)",
                "http.server.duration_ms": "\(elapsed / .milliseconds(1))",
            ]
        )
        return response
    }
}
