import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RadScribeCore
import RadScribeReporting
import RadScribeStorage

/// `/api/v1/reports`: structure dictations, store reports, fetch and list them.
struct ReportController<Context: ConnectionRequestContext>: Sendable {
    let structuring: ReportStructuring
    let repository: any ReportRepository
    let reader: RequestBodyReader
    let defaultLanguage: LanguageSelection

    /// The largest page the history returns.
    static var maximumPageSize: Int { 200 }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("structure", use: structure)
        group.post(use: create)
        group.get(use: list)
        group.get(":id", use: find)
    }

    /// Structures a dictation without storing it; `?format=text|markdown` renders it instead of returning JSON.
    @Sendable func structure(_ request: Request, context: Context) async throws -> Response {
        let format = try RenderFormat(query: request.uri.queryParameters.get("format"))
        let input = try await DictationInput.read(from: request, reader: reader, defaultLanguage: defaultLanguage)
        let report = try structuring.structure(input)
        switch format {
        case .json:
            return Self.json(try ReportJSONEncoding.encoder.encode(report), status: .ok)
        case .text:
            return Self.text(ReportRenderer().plainText(report), contentType: "text/plain; charset=utf-8")
        case .markdown:
            return Self.text(ReportRenderer().markdown(report), contentType: "text/markdown; charset=utf-8")
        }
    }

    /// Structures a dictation (with the LLM rewrite when providers are configured) and stores it as version 1.
    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let input = try await DictationInput.read(from: request, reader: reader, defaultLanguage: defaultLanguage)
        // The LLM step can take seconds: a client that hangs up cancels it (and the provider call) instead of
        // leaving it to run to the deadline.
        let report = try await context.channel.cancellingOnClose { try await structuring.write(input) }
        let content = try ReportJSONEncoding.encoder.encode(report)
        let stored = try await repository.create(
            NewReport(examType: report.classification.examType, language: report.language, searchText: report.text, content: content)
        )
        context.logger.info("Report stored", metadata: ["radscribe.report.id": "\(stored.id)", "radscribe.report.exam_type": "\(stored.examType)"])
        var response = Self.json(try StoredReportJSON.envelope(stored), status: .created)
        response.headers[.location] = "/api/v1/reports/\(stored.id.uuidString.lowercased())"
        response.headers[.eTag] = "\"\(stored.version)\""
        return response
    }

    /// The current version of one report.
    @Sendable func find(_ request: Request, context: Context) async throws -> Response {
        let rawID = try context.parameters.require("id")
        guard let id = UUID(uuidString: rawID) else {
            throw Problem.badRequest("The report id must be a UUID.")
        }
        guard let stored = try await repository.find(id: id) else {
            throw Problem.notFound("There is no report with this id.")
        }
        var response = Self.json(try StoredReportJSON.envelope(stored), status: .ok)
        response.headers[.eTag] = "\"\(stored.version)\""
        return response
    }

    /// A page of the report history: `exam_type`, `from`, `to` (ISO 8601 date or date-time), `q` (text), `limit`, `offset`.
    @Sendable func list(_ request: Request, context: Context) async throws -> Response {
        let query = try ReportQueryParameters.parse(request.uri.queryParameters, maximumPageSize: Self.maximumPageSize)
        let page = try await repository.list(query)
        return Self.json(try StoredReportJSON.page(page, query: query), status: .ok)
    }

    private static func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    private static func text(_ text: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// The output forms of `POST /api/v1/reports/structure`.
enum RenderFormat: String {
    case json
    case text
    case markdown

    init(query: String?) throws {
        guard let query else {
            self = .json
            return
        }
        guard let format = RenderFormat(rawValue: query.lowercased()) else {
            throw Problem.badRequest("The format must be json, text or markdown.")
        }
        self = format
    }
}
