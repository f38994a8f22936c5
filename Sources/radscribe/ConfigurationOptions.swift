import ArgumentParser
import Foundation
import Logging
import RadScribeServer

/// Options shared by the commands that need the server configuration.
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "A configuration file of RADSCRIBE_*=value lines (default: $RADSCRIBE_CONFIG_FILE).")
    var config: String?

    @Option(name: .long, help: "Override RADSCRIBE_HOST.")
    var host: String?

    @Option(name: .long, help: "Override RADSCRIBE_PORT.")
    var port: Int?

    /// Loads the configuration; a bad setting prints one line naming it and exits with status 78 (EX_CONFIG).
    func load() async throws -> ServerConfiguration {
        var environment = ProcessInfo.processInfo.environment
        if let host { environment["RADSCRIBE_HOST"] = host }
        if let port { environment["RADSCRIBE_PORT"] = String(port) }
        do {
            return try await ConfigurationLoader(environment: environment).load(file: config)
        } catch let error as ConfigurationError {
            FileHandle.standardError.write(Data("radscribe: \(error)\n".utf8))
            throw ExitCode(78)
        }
    }
}

/// Bootstraps swift-log once for the process, as configured, and returns the application logger.
func bootstrapLogging(_ configuration: ServerConfiguration) -> Logger {
    let level = configuration.logLevel
    switch configuration.logFormat {
    case .json:
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
    case .text:
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
    return Logger(label: "radscribe")
}
