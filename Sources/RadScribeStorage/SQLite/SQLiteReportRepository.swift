import Foundation
import GRDB
import RadScribeCore

/// ``ReportRepository`` on the embedded SQLite database.
public struct SQLiteReportRepository: ReportRepository {
    private let database: SQLiteDatabase

    /// Creates a repository on a migrated database.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func create(_ report: NewReport) async throws -> StoredReport {
        let now = Date()
        let stored = StoredReport(
            id: UUID(),
            version: 1,
            examType: report.examType,
            language: report.language,
            createdAt: now,
            updatedAt: now,
            content: report.content
        )
        try await write { db in
            try ReportRow(stored, searchText: report.searchText).insert(db)
            try ReportVersionRow(reportID: stored.id.uuidString, version: 1, createdAt: now, content: report.content).insert(db)
        }
        return stored
    }

    public func find(id: UUID) async throws -> StoredReport? {
        let row = try await read { db in try ReportRow.fetchOne(db, key: id.uuidString) }
        return try row?.storedReport()
    }

    public func list(_ query: ReportQuery) async throws -> ReportPage {
        let (rows, total) = try await read { db in
            let request = Self.filtered(ReportRow.all(), by: query)
            let total = try request.fetchCount(db)
            let rows = try request.order(Column("created_at").desc, Column("id").desc).limit(query.limit, offset: query.offset).fetchAll(db)
            return (rows, total)
        }
        return ReportPage(reports: try rows.map { try $0.storedReport() }, total: total)
    }

    private static func filtered(_ request: QueryInterfaceRequest<ReportRow>, by query: ReportQuery) -> QueryInterfaceRequest<ReportRow> {
        var request = request
        if let examType = query.examType {
            request = request.filter(Column("exam_type") == examType.rawValue)
        }
        if let from = query.createdFrom {
            request = request.filter(Column("created_at") >= from)
        }
        if let before = query.createdBefore {
            request = request.filter(Column("created_at") < before)
        }
        if let text = query.text, !text.isEmpty {
            request = request.filter(Column("search_text").like("%\(Self.escapeLike(text))%", escape: "\\"))
        }
        return request
    }

    /// Escapes LIKE wildcards so a search for "50%" finds "50%", not everything that starts with "50".
    private static func escapeLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        try await database.read("report", body)
    }

    private func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        try await database.write("report", body)
    }
}

private struct ReportRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report"
    var id: String
    var version: Int
    var examType: String
    var language: String
    var createdAt: Date
    var updatedAt: Date
    var searchText: String
    var content: Data

    enum CodingKeys: String, CodingKey {
        case id, version, language, content
        case examType = "exam_type"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case searchText = "search_text"
    }

    init(_ report: StoredReport, searchText: String) {
        id = report.id.uuidString
        version = report.version
        examType = report.examType.rawValue
        language = report.language.rawValue
        createdAt = report.createdAt
        updatedAt = report.updatedAt
        self.searchText = searchText
        content = report.content
    }

    func storedReport() throws -> StoredReport {
        guard let uuid = UUID(uuidString: id), let examType = ExamType(rawValue: examType), let language = Language(rawValue: language) else {
            throw StorageError(.corrupt, "stored report row does not decode")
        }
        return StoredReport(
            id: uuid,
            version: version,
            examType: examType,
            language: language,
            createdAt: createdAt,
            updatedAt: updatedAt,
            content: content
        )
    }
}

private struct ReportVersionRow: Codable, PersistableRecord {
    static let databaseTableName = "report_version"
    var reportID: String
    var version: Int
    var createdAt: Date
    var content: Data

    enum CodingKeys: String, CodingKey {
        case reportID = "report_id"
        case version
        case createdAt = "created_at"
        case content
    }
}
