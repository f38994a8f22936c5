import HTTPTypes
import Hummingbird
import Logging

/// Turns every error into an RFC 9457 problem response and adds the request id to every response.
///
/// Errors of unknown kind become a 500 whose body says nothing about the cause; the cause is logged by type only,
/// because error descriptions can carry request content.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let problem as Problem {
            response = try problem.response(from: request, context: context)
        } catch let error as HTTPError {
            response = try Self.problem(for: error).response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let problem = Problem(error.status, type: "/problems/http-\(error.status.code)", title: error.status.reasonPhrase)
            response = try problem.response(from: request, context: context)
        } catch {
            context.logger.error("Request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            let problem = Problem(
                .internalServerError,
                type: "/problems/internal",
                title: "Internal server error",
                detail: "The server could not complete the request; quote the instance id to the administrator."
            )
            response = try problem.response(from: request, context: context)
        }
        response.headers[.requestID] = context.id
        return response
    }

    private static func problem(for error: HTTPError) -> Problem {
        switch error.status {
        case .notFound:
            Problem.notFound(error.body ?? "There is no resource at this path.")
        case .contentTooLarge:
            Problem(.contentTooLarge, type: "/problems/body-too-large", title: "Request body too large", detail: error.body)
        default:
            Problem(
                error.status,
                type: "/problems/http-\(error.status.code)",
                title: error.status.reasonPhrase,
                detail: error.body,
                headers: error.headers
            )
        }
    }
}

extension HTTPField.Name {
    /// `X-Request-Id`: the id under which the request is logged.
    static let requestID = HTTPField.Name("X-Request-Id")!
}
