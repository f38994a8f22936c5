import Foundation
import GRDB

/// The embedded SQLite database: one WAL-mode file, migrated by ``SQLiteSchema``.
public struct SQLiteDatabase: Sendable {
    /// The connection pool (GRDB's `DatabasePool` is safe to share between tasks).
    public let pool: DatabasePool

    /// Opens (and creates, if missing) the database file at `path`.
    ///
    /// - Throws: ``StorageError`` when the file cannot be opened.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StorageError(.unavailable, "cannot open SQLite database at \(path)", underlying: error)
        }
    }

    /// Applies all pending migrations.
    ///
    /// - Throws: ``StorageError`` with code `schemaTooNew` when the file was migrated by a newer RadScribe.
    public func migrate() throws {
        try SQLiteSchema.verifyNotNewer(pool)
        do {
            try SQLiteSchema.migrator.migrate(pool)
        } catch {
            throw StorageError(.unavailable, "migration failed", underlying: error)
        }
    }

    /// The migrations applied to this file, in order.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try SQLiteSchema.migrator.appliedMigrations(db) }
    }

    /// Checks that the database answers a query; used by readiness probes.
    public func ping() async throws {
        do {
            _ = try await pool.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        } catch {
            throw StorageError(.unavailable, "database did not answer", underlying: error)
        }
    }

    /// Writes a consistent copy of the database to `path` with SQLite's online backup API while the server keeps running.
    public func backup(to path: String) throws {
        do {
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
        } catch {
            throw StorageError(.unavailable, "backup failed", underlying: error)
        }
    }
}

extension SQLiteDatabase {
    /// Checks that every known migration has been applied and none unknown; for servers that do not migrate at start-up.
    ///
    /// - Throws: ``StorageError`` `schemaTooNew` for a newer schema, `unavailable` for a database that needs `radscribe migrate`.
    public func verifySchemaIsCurrent() throws {
        try SQLiteSchema.verifyNotNewer(pool)
        let pending = try pool.read { db in try !SQLiteSchema.migrator.hasCompletedMigrations(db) }
        if pending {
            throw StorageError(.unavailable, "database schema is behind this RadScribe; run `radscribe migrate`")
        }
    }
}

extension SQLiteDatabase {
    /// Runs a read transaction; a database failure becomes ``StorageError`` `unavailable` naming `subject`.
    func read<T: Sendable>(_ subject: String, _ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.unavailable, "\(subject) read failed", underlying: error)
        }
    }

    /// Runs a write transaction; a database failure becomes ``StorageError`` `unavailable` naming `subject`.
    func write<T: Sendable>(_ subject: String, _ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do {
            return try await pool.write(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.unavailable, "\(subject) write failed", underlying: error)
        }
    }
}
