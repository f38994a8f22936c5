import Foundation
import GRDB
import RadScribeCore

/// ``TranscriptRepository`` on the embedded SQLite database.
public struct SQLiteTranscriptRepository: TranscriptRepository {
    private let database: SQLiteDatabase

    /// Creates a repository on a migrated database.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    public func createSession(_ session: DictationSessionRecord) async throws {
        try await database.write("dictation session") { db in try SessionRow(session).insert(db) }
    }

    public func session(id: UUID) async throws -> DictationSessionRecord? {
        let row = try await database.read("dictation session") { db in try SessionRow.fetchOne(db, key: id.uuidString) }
        return try row?.record()
    }

    public func appendSegment(_ segment: TranscriptSegment) async throws {
        let content = try SegmentCoding.encode(segment)
        try await database.write("transcript segment") { db in
            let sessionKey = segment.sessionId.uuidString
            guard var session = try SessionRow.fetchOne(db, key: sessionKey) else {
                throw StorageError(.notFound, "no dictation session for the segment")
            }
            if let stored = try SegmentRow.fetchOne(db, key: ["session_id": sessionKey, "segment_index": segment.index]) {
                guard stored.content == content else {
                    throw StorageError(.conflict, "another segment is stored under index \(segment.index)")
                }
                return
            }
            let next = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM transcript_segment WHERE session_id = ?", arguments: [sessionKey]) ?? 0
            guard segment.index == next else {
                throw StorageError(.conflict, "segment index \(segment.index) does not follow the \(next) stored")
            }
            try SegmentRow(sessionID: sessionKey, index: segment.index, createdAt: segment.createdAt, content: content).insert(db)
            session.updatedAt = segment.createdAt
            try session.update(db)
        }
    }

    public func segments(sessionId: UUID) async throws -> [TranscriptSegment] {
        let rows = try await database.read("transcript segment") { db in
            try SegmentRow.filter(Column("session_id") == sessionId.uuidString).order(Column("segment_index")).fetchAll(db)
        }
        return try rows.map { try SegmentCoding.decode($0.content) }
    }

    public func attachReport(_ reportId: UUID, toSession sessionId: UUID) async throws {
        try await database.write("dictation session") { db in
            guard var session = try SessionRow.fetchOne(db, key: sessionId.uuidString) else {
                throw StorageError(.notFound, "no dictation session to attach the report to")
            }
            session.reportID = reportId.uuidString
            session.updatedAt = Date()
            try session.update(db)
        }
    }
}

/// The JSON form of a stored segment (ISO 8601 dates with fractional seconds, sorted keys: stable bytes).
private enum SegmentCoding {
    static func encode(_ segment: TranscriptSegment) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: true)))
        }
        do {
            return try encoder.encode(segment)
        } catch {
            throw StorageError(.corrupt, "transcript segment does not encode", underlying: error)
        }
    }

    static func decode(_ data: Data) throws -> TranscriptSegment {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let text = try decoder.singleValueContainer().decode(String.self)
            return try Date(text, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true))
        }
        do {
            return try decoder.decode(TranscriptSegment.self, from: data)
        } catch {
            throw StorageError(.corrupt, "stored transcript segment does not decode", underlying: error)
        }
    }
}

private struct SessionRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "dictation_session"
    var id: String
    var language: String
    var examType: String?
    var tokenHash: String
    var createdAt: Date
    var updatedAt: Date
    var reportID: String?

    enum CodingKeys: String, CodingKey {
        case id, language
        case examType = "exam_type"
        case tokenHash = "token_hash"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
        case reportID = "report_id"
    }

    init(_ record: DictationSessionRecord) {
        id = record.id.uuidString
        language = record.language.rawValue
        examType = record.examType?.rawValue
        tokenHash = record.tokenHash
        createdAt = record.createdAt
        updatedAt = record.updatedAt
        reportID = record.reportId?.uuidString
    }

    func record() throws -> DictationSessionRecord {
        guard let uuid = UUID(uuidString: id), let language = Language(rawValue: language) else {
            throw StorageError(.corrupt, "stored dictation session does not decode")
        }
        let examType = try examType.map { raw in
            guard let type = ExamType(rawValue: raw) else { throw StorageError(.corrupt, "stored dictation session does not decode") }
            return type
        }
        return DictationSessionRecord(
            id: uuid,
            language: language,
            examType: examType,
            tokenHash: tokenHash,
            createdAt: createdAt,
            updatedAt: updatedAt,
            reportId: reportID.flatMap(UUID.init(uuidString:))
        )
    }
}

private struct SegmentRow: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "transcript_segment"
    var sessionID: String
    var index: Int
    var createdAt: Date
    var content: Data

    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case index = "segment_index"
        case createdAt = "created_at"
        case content
    }
}
