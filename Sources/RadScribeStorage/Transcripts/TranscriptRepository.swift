import Foundation
import RadScribeCore

/// A dictation session as stored: who may resume it (by the hash of its token), its language and its report.
public struct DictationSessionRecord: Sendable, Hashable {
    /// The session's id.
    public var id: UUID
    /// The dictation language.
    public var language: Language
    /// The exam type the client named, if any.
    public var examType: ExamType?
    /// SHA-256 of the session token, hex; the token itself is never stored.
    public var tokenHash: String
    /// When the session was opened.
    public var createdAt: Date
    /// When the session last changed (a segment or a report).
    public var updatedAt: Date
    /// The report generated from the session, once there is one.
    public var reportId: UUID?

    /// Creates a record.
    public init(
        id: UUID,
        language: Language,
        examType: ExamType?,
        tokenHash: String,
        createdAt: Date,
        updatedAt: Date,
        reportId: UUID? = nil
    ) {
        self.id = id
        self.language = language
        self.examType = examType
        self.tokenHash = tokenHash
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.reportId = reportId
    }
}

/// Stores dictation sessions and their final transcript segments.
///
/// A segment is appended exactly once: ``appendSegment(_:)`` with an index already stored succeeds only when the
/// stored segment is the same one (a retry after a lost acknowledgement) and throws `conflict` otherwise.
public protocol TranscriptRepository: Sendable {
    /// Stores a new session.
    func createSession(_ session: DictationSessionRecord) async throws -> Void

    /// The session with this id, or `nil`.
    func session(id: UUID) async throws -> DictationSessionRecord?

    /// Appends a final segment to its session. Indexes must follow each other from 0 without gaps.
    func appendSegment(_ segment: TranscriptSegment) async throws -> Void

    /// The session's segments in index order.
    func segments(sessionId: UUID) async throws -> [TranscriptSegment]

    /// Links the report generated from the session.
    func attachReport(_ reportId: UUID, toSession sessionId: UUID) async throws -> Void
}
