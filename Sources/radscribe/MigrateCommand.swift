import ArgumentParser
import RadScribeServer
import RadScribeStorage

/// `radscribe migrate`: applies pending database migrations and lists them.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try await options.load()
        switch configuration.database {
        case .sqlite(let path):
            let database = try SQLiteDatabase(path: path)
            try database.migrate()
            for migration in try database.appliedMigrations() {
                print("applied: \(migration)")
            }
        }
    }
}
