import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An RFC 9457 problem: the body of every error response, as `application/problem+json`.
///
/// `detail` says what the client must change; it never repeats dictation text or other PHI from the request.
public struct Problem: Error, HTTPResponseError, Sendable, Hashable {
    /// The HTTP status.
    public var status: HTTPResponse.Status
    /// A URI that identifies the problem type (relative, resolved against the server).
    public var type: String
    /// A short, constant summary of the problem type.
    public var title: String
    /// What went wrong in this request.
    public var detail: String?
    /// Extra response headers (for example `Allow` or `Retry-After`).
    public var headers: HTTPFields

    /// Creates a problem.
    public init(_ status: HTTPResponse.Status, type: String, title: String, detail: String? = nil, headers: HTTPFields = [:]) {
        self.status = status
        self.type = type
        self.title = title
        self.detail = detail
        self.headers = headers
    }

    /// The response, with the request id as `instance` so a problem can be found in the logs.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(type: type, title: title, status: Int(status.code), detail: detail, instance: "urn:radscribe:request:\(context.id)")
        var headers = self.headers
        headers[.contentType] = "application/problem+json"
        let data = try ReportJSONEncoding.encoder.encode(body)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private struct Body: Encodable {
        var type: String
        var title: String
        var status: Int
        var detail: String?
        var instance: String
    }
}

extension Problem {
    /// The request body is not what the endpoint accepts.
    static func badRequest(_ detail: String) -> Problem {
        Problem(.badRequest, type: "/problems/bad-request", title: "Bad request", detail: detail)
    }

    /// The request is well-formed but its content cannot be processed.
    static func invalidInput(_ title: String, _ detail: String) -> Problem {
        Problem(.unprocessableContent, type: "/problems/invalid-input", title: title, detail: detail)
    }

    /// The request body is larger than allowed.
    static func bodyTooLarge(limit: Int) -> Problem {
        Problem(
            .contentTooLarge,
            type: "/problems/body-too-large",
            title: "Request body too large",
            detail: "The request body exceeds the limit of \(limit) bytes."
        )
    }

    /// The resource does not exist.
    static func notFound(_ detail: String) -> Problem {
        Problem(.notFound, type: "/problems/not-found", title: "Not found", detail: detail)
    }
}
