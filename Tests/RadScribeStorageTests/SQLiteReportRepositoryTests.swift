import Foundation
import GRDB
import RadScribeCore
import RadScribeStorage
import Testing

@Suite("SQLite report repository")
struct SQLiteReportRepositoryTests {
    let directory: URL
    let database: SQLiteDatabase
    let repository: SQLiteReportRepository

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("radscribe-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("test.sqlite").path)
        try database.migrate()
        repository = SQLiteReportRepository(database: database)
    }

    private func newReport(_ type: ExamType = .general, text: String = "Kein Pneumothorax.", content: String = #"{"a":1}"#) -> NewReport {
        NewReport(examType: type, language: .de, searchText: text, content: Data(content.utf8))
    }

    @Test func storesAndFindsTheExactContentBytes() async throws {
        let content = #"{"z":"ü","a":[1,2.5]}"#
        let stored = try await repository.create(newReport(content: content))
        #expect(stored.version == 1)
        let found = try #require(try await repository.find(id: stored.id))
        #expect(found.content == Data(content.utf8))
        #expect(found.id == stored.id)
        #expect(found.examType == .general)
    }

    @Test func unknownIDFindsNothing() async throws {
        #expect(try await repository.find(id: UUID()) == nil)
    }

    @Test func listsNewestFirstWithTotalAndPaging() async throws {
        var ids: [UUID] = []
        for _ in 0..<5 {
            ids.append(try await repository.create(newReport()).id)
        }
        let page = try await repository.list(ReportQuery(limit: 2, offset: 1))
        #expect(page.total == 5)
        #expect(page.reports.count == 2)
        let all = try await repository.list(ReportQuery(limit: 10))
        #expect(Set(all.reports.map(\.id)) == Set(ids))
        #expect(all.reports.map(\.createdAt) == all.reports.map(\.createdAt).sorted(by: >))
    }

    @Test func filtersByExamTypeTextAndDate() async throws {
        _ = try await repository.create(newReport(.spineMRI, text: "Bandscheibenvorfall L4/5"))
        _ = try await repository.create(newReport(.mammography, text: "BI-RADS 2 beidseits"))
        let spine = try await repository.list(ReportQuery(examType: .spineMRI))
        #expect(spine.reports.map(\.examType) == [.spineMRI])
        let text = try await repository.list(ReportQuery(text: "bi-rads"))
        #expect(text.reports.map(\.examType) == [.mammography])
        let future = try await repository.list(ReportQuery(createdFrom: Date().addingTimeInterval(3600)))
        #expect(future.total == 0)
        let past = try await repository.list(ReportQuery(createdBefore: Date().addingTimeInterval(-3600)))
        #expect(past.total == 0)
    }

    @Test func textSearchTreatsWildcardsLiterally() async throws {
        _ = try await repository.create(newReport(text: "Stenose 50% L4/5"))
        _ = try await repository.create(newReport(text: "Stenose 500 L4/5"))
        #expect(try await repository.list(ReportQuery(text: "50%")).total == 1)
        #expect(try await repository.list(ReportQuery(text: "_")).total == 0)
    }

    @Test func migratingTwiceIsHarmless() throws {
        try database.migrate()
        #expect(try database.appliedMigrations() == ["v1: reports", "v2: dictation sessions"])
        try database.verifySchemaIsCurrent()
    }

    @Test func refusesASchemaFromANewerVersion() async throws {
        try await database.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        #expect {
            try database.migrate()
        } throws: { error in
            (error as? StorageError)?.code == .schemaTooNew
        }
        #expect(throws: StorageError.self) { try database.verifySchemaIsCurrent() }
    }

    @Test func unmigratedDatabaseIsNotCurrent() throws {
        let fresh = try SQLiteDatabase(path: directory.appendingPathComponent("fresh.sqlite").path)
        #expect(throws: StorageError.self) { try fresh.verifySchemaIsCurrent() }
    }

    @Test func onlineBackupHoldsTheSameReports() async throws {
        let stored = try await repository.create(newReport(content: #"{"b":2}"#))
        let copyPath = directory.appendingPathComponent("backup.sqlite").path
        try database.backup(to: copyPath)
        let copy = try SQLiteDatabase(path: copyPath)
        try copy.verifySchemaIsCurrent()
        let found = try await SQLiteReportRepository(database: copy).find(id: stored.id)
        #expect(found?.content == Data(#"{"b":2}"#.utf8))
    }

    @Test func pingAnswers() async throws {
        try await database.ping()
    }
}
