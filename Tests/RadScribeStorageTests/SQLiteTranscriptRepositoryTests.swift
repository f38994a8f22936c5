import Foundation
import RadScribeCore
import RadScribeStorage
import Testing

@Suite("SQLite transcript repository")
struct SQLiteTranscriptRepositoryTests {
    let database: SQLiteDatabase
    let repository: SQLiteTranscriptRepository
    let session: DictationSessionRecord

    init() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("radscribe-transcripts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        database = try SQLiteDatabase(path: directory.appendingPathComponent("test.sqlite").path)
        try database.migrate()
        repository = SQLiteTranscriptRepository(database: database)
        session = DictationSessionRecord(
            id: UUID(),
            language: .de,
            examType: .ctScan,
            tokenHash: String(repeating: "ab", count: 32),
            createdAt: Date(timeIntervalSince1970: 1_790_000_000.125),
            updatedAt: Date(timeIntervalSince1970: 1_790_000_000.125)
        )
        try await repository.createSession(session)
    }

    private func segment(_ index: Int, text: String = "Kein Pneumothorax.") -> TranscriptSegment {
        TranscriptSegment(
            sessionId: session.id,
            index: index,
            language: .de,
            text: text,
            rawText: text.lowercased(),
            words: [
                RecognizedWord(text: "Kein", start: 1.02, end: 1.3, confidence: 0.91),
                RecognizedWord(text: "Pneumothorax.", start: 1.3, end: 2.1, confidence: 0.42),
            ],
            flags: [WordFlag(wordIndex: 0, word: "Kein", risk: .negation, confidence: 0.91)],
            medicalTerms: ["Pneumothorax"],
            confidence: 0.665,
            start: 1.0,
            end: 2.1,
            createdAt: Date(timeIntervalSince1970: 1_790_000_010.5)
        )
    }

    @Test func sessionRoundTripsWithoutItsToken() async throws {
        let found = try #require(try await repository.session(id: session.id))
        #expect(found.id == session.id)
        #expect(found.examType == .ctScan)
        #expect(found.tokenHash == session.tokenHash)
        #expect(found.reportId == nil)
        #expect(try await repository.session(id: UUID()) == nil)
    }

    @Test func segmentsComeBackInOrderAndUnchanged() async throws {
        for index in 0..<3 {
            try await repository.appendSegment(segment(index, text: "Satz \(index)."))
        }
        let stored = try await repository.segments(sessionId: session.id)
        #expect(stored.map(\.index) == [0, 1, 2])
        #expect(stored[1] == segment(1, text: "Satz 1."))
    }

    @Test func appendingTheSameSegmentTwiceStoresItOnce() async throws {
        try await repository.appendSegment(segment(0))
        try await repository.appendSegment(segment(0))
        #expect(try await repository.segments(sessionId: session.id).count == 1)
    }

    @Test func aDifferentSegmentUnderAStoredIndexIsAConflict() async throws {
        try await repository.appendSegment(segment(0))
        await #expect {
            try await repository.appendSegment(segment(0, text: "Pneumothorax links."))
        } throws: { error in
            (error as? StorageError)?.code == .conflict
        }
        #expect(try await repository.segments(sessionId: session.id).first?.text == "Kein Pneumothorax.")
    }

    @Test func aGapInTheIndexesIsRefused() async throws {
        await #expect {
            try await repository.appendSegment(segment(1))
        } throws: { error in
            (error as? StorageError)?.code == .conflict
        }
    }

    @Test func aSegmentOfAnUnknownSessionIsRefused() async throws {
        var orphan = segment(0)
        orphan.sessionId = UUID()
        await #expect {
            try await repository.appendSegment(orphan)
        } throws: { error in
            (error as? StorageError)?.code == .notFound
        }
    }

    @Test func attachesTheGeneratedReport() async throws {
        let report = try await SQLiteReportRepository(database: database).create(
            NewReport(examType: .ctScan, language: .de, searchText: "", content: Data("{}".utf8))
        )
        try await repository.attachReport(report.id, toSession: session.id)
        #expect(try await repository.session(id: session.id)?.reportId == report.id)
    }
}
