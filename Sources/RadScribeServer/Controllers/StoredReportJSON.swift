import Foundation
import Hummingbird
import RadScribeCore
import RadScribeStorage

/// JSON bodies for stored reports.
///
/// The stored report JSON is spliced in byte for byte, never decoded and re-encoded, so what a client stored is
/// exactly what it gets back.
enum StoredReportJSON {
    private struct Metadata: Encodable {
        var id: String
        var version: Int
        var examType: ExamType
        var language: Language
        var createdAt: Date
        var updatedAt: Date
    }

    private struct PageMetadata: Encodable {
        var total: Int
        var limit: Int
        var offset: Int
    }

    /// `{"created_at": …, "exam_type": …, "id": …, "language": …, "updated_at": …, "version": …, "report": <stored JSON>}`.
    static func envelope(_ stored: StoredReport) throws -> Data {
        let metadata = Metadata(
            id: stored.id.uuidString.lowercased(),
            version: stored.version,
            examType: stored.examType,
            language: stored.language,
            createdAt: stored.createdAt,
            updatedAt: stored.updatedAt
        )
        return appending(field: "report", raw: stored.content, to: try ReportJSONEncoding.encoder.encode(metadata))
    }

    /// `{"limit": …, "offset": …, "total": …, "items": [<envelope>, …]}`.
    static func page(_ page: ReportPage, query: ReportQuery) throws -> Data {
        var items = Data("[".utf8)
        for (index, stored) in page.reports.enumerated() {
            if index > 0 { items.append(UInt8(ascii: ",")) }
            items.append(try envelope(stored))
        }
        items.append(UInt8(ascii: "]"))
        let metadata = PageMetadata(total: page.total, limit: query.limit, offset: query.offset)
        return appending(field: "items", raw: items, to: try ReportJSONEncoding.encoder.encode(metadata))
    }

    /// Adds `"field": raw` as the last member of the encoded object `object`.
    private static func appending(field: String, raw: Data, to object: Data) -> Data {
        var result = object.dropLast()  // the closing brace
        result.append(contentsOf: Array(",\"\(field)\":".utf8))
        result.append(raw)
        result.append(UInt8(ascii: "}"))
        return Data(result)
    }
}

/// Parses the history's query parameters into a ``ReportQuery``.
enum ReportQueryParameters {
    static func parse(_ parameters: Parameters, maximumPageSize: Int) throws -> ReportQuery {
        var query = ReportQuery()
        if let type = parameters.get("exam_type") {
            guard let examType = ExamType(rawValue: type) else {
                let known = ExamType.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem.badRequest("exam_type must be one of \(known).")
            }
            query.examType = examType
        }
        query.createdFrom = try parameters.get("from").map { try date($0, parameter: "from") }
        query.createdBefore = try parameters.get("to").map { try date($0, parameter: "to") }
        query.text = parameters.get("q")
        query.limit = try integer(parameters.get("limit"), parameter: "limit", in: 1...maximumPageSize) ?? 50
        query.offset = try integer(parameters.get("offset"), parameter: "offset", in: 0...Int(Int32.max)) ?? 0
        return query
    }

    private static func integer(_ value: String?, parameter: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value else { return nil }
        guard let number = Int(value), range.contains(number) else {
            throw Problem.badRequest("\(parameter) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
        }
        return number
    }

    /// An ISO 8601 date-time, or a date (`2026-11-25`) meaning its start in UTC.
    private static func date(_ value: String, parameter: String) throws -> Date {
        if let date = try? Date(value, strategy: .iso8601) {
            return date
        }
        if let date = try? Date(value, strategy: Date.ISO8601FormatStyle().year().month().day()) {
            return date
        }
        throw Problem.badRequest("\(parameter) must be an ISO 8601 date (2026-11-25) or date-time (2026-11-25T08:00:00Z).")
    }
}
