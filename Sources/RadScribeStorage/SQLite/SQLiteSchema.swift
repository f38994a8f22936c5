import GRDB

/// The versioned SQLite schema. Migrations are append-only: a released migration is never edited.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: reports") { db in
            try db.create(table: "report") { t in
                t.primaryKey("id", .text)
                t.column("version", .integer).notNull()
                t.column("exam_type", .text).notNull()
                t.column("language", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("search_text", .text).notNull()
                t.column("content", .blob).notNull()
            }
            try db.create(index: "report_created_at", on: "report", columns: ["created_at"])
            try db.create(index: "report_exam_type_created_at", on: "report", columns: ["exam_type", "created_at"])
            try db.create(table: "report_version") { t in
                t.column("report_id", .text).notNull().references("report", onDelete: .restrict)
                t.column("version", .integer).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("content", .blob).notNull()
                t.primaryKey(["report_id", "version"])
            }
        }
        migrator.registerMigration("v2: dictation sessions") { db in
            try db.create(table: "dictation_session") { t in
                t.primaryKey("id", .text)
                t.column("language", .text).notNull()
                t.column("exam_type", .text)
                t.column("token_hash", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.column("report_id", .text).references("report", onDelete: .restrict)
            }
            try db.create(table: "transcript_segment") { t in
                t.column("session_id", .text).notNull().references("dictation_session", onDelete: .cascade)
                t.column("segment_index", .integer).notNull()
                t.column("created_at", .datetime).notNull()
                t.column("content", .blob).notNull()
                t.primaryKey(["session_id", "segment_index"])
            }
        }
        return migrator
    }

    /// Refuses a database that a newer RadScribe has migrated: its schema may mean things this version does not know.
    static func verifyNotNewer(_ writer: some DatabaseWriter) throws {
        let known = Set(migrator.migrations)
        let applied = try writer.read { db -> [String] in
            guard try db.tableExists("grdb_migrations") else { return [] }
            return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        let unknown = applied.filter { !known.contains($0) }
        if !unknown.isEmpty {
            throw StorageError(
                .schemaTooNew,
                "database schema is newer than this RadScribe (unknown migrations: \(unknown.joined(separator: ", ")))"
            )
        }
    }
}
