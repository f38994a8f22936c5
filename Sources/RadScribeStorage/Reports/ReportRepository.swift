import Foundation
import RadScribeCore

/// A report as stored: its identity, version and the exact JSON bytes of its ``StructuredReport``.
///
/// The JSON is kept as produced, never re-encoded, so a report fetched back is byte for byte the report that was stored.
public struct StoredReport: Sendable, Hashable {
    /// The report's id.
    public var id: UUID
    /// The version number; the first stored version is 1.
    public var version: Int
    /// The exam type the report was classified as.
    public var examType: ExamType
    /// The report language.
    public var language: Language
    /// When the report was first stored.
    public var createdAt: Date
    /// When the current version was stored.
    public var updatedAt: Date
    /// The ``StructuredReport`` as JSON (``ReportJSON`` encoding).
    public var content: Data

    /// Creates a stored report.
    public init(id: UUID, version: Int, examType: ExamType, language: Language, createdAt: Date, updatedAt: Date, content: Data) {
        self.id = id
        self.version = version
        self.examType = examType
        self.language = language
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.content = content
    }
}

/// What a new report consists of.
public struct NewReport: Sendable, Hashable {
    /// The exam type.
    public var examType: ExamType
    /// The report language.
    public var language: Language
    /// The normalised dictation, used for text search.
    public var searchText: String
    /// The ``StructuredReport`` as JSON.
    public var content: Data

    /// Creates a new report.
    public init(examType: ExamType, language: Language, searchText: String, content: Data) {
        self.examType = examType
        self.language = language
        self.searchText = searchText
        self.content = content
    }
}

/// Filters and paging for the report history.
public struct ReportQuery: Sendable, Hashable {
    /// Only reports of this type.
    public var examType: ExamType?
    /// Only reports created at or after this instant.
    public var createdFrom: Date?
    /// Only reports created before this instant.
    public var createdBefore: Date?
    /// Only reports whose text contains this string (case-insensitive for ASCII letters).
    public var text: String?
    /// The page size.
    public var limit: Int
    /// How many matching reports to skip.
    public var offset: Int

    /// Creates a query; newest reports come first.
    public init(
        examType: ExamType? = nil,
        createdFrom: Date? = nil,
        createdBefore: Date? = nil,
        text: String? = nil,
        limit: Int = 50,
        offset: Int = 0
    ) {
        self.examType = examType
        self.createdFrom = createdFrom
        self.createdBefore = createdBefore
        self.text = text
        self.limit = limit
        self.offset = offset
    }
}

/// One page of the report history.
public struct ReportPage: Sendable, Hashable {
    /// The reports on this page, newest first.
    public var reports: [StoredReport]
    /// How many reports match the query in total.
    public var total: Int

    /// Creates a page.
    public init(reports: [StoredReport], total: Int) {
        self.reports = reports
        self.total = total
    }
}

/// Stores and finds reports. SQLite (``SQLiteReportRepository``) is the default; other databases implement the same contract.
public protocol ReportRepository: Sendable {
    /// Stores a new report as version 1 and returns it.
    func create(_ report: NewReport) async throws -> StoredReport
    /// The current version of a report, or `nil` when there is none with this id.
    func find(id: UUID) async throws -> StoredReport?
    /// A page of reports matching `query`, newest first.
    func list(_ query: ReportQuery) async throws -> ReportPage
}
