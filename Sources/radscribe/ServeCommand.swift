import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import RadScribeServer

/// `radscribe serve`: runs the HTTP server until SIGTERM or SIGINT, then shuts down gracefully.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Start the RadScribe server.")

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try await options.load()
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(ServerMetrics.makeFactory(registry: registry))
        let logger = bootstrapLogging(configuration)
        let app = try await buildApplication(configuration, registry: registry, logger: logger) { port in
            FileHandle.standardOutput.write(Data("RadScribe listening on http://\(configuration.host):\(port)\n".utf8))
        }
        try await app.runService()
        // Everything is stopped and stored. `exit` would now run the C and Foundation teardown while the threads that
        // Foundation keeps for watching child processes (the speech worker) still use libdispatch, which crashes the
        // process now and then (SIGSEGV in `_dispatch_event_loop_drain`). Flush the standard streams and leave
        // without that teardown.
        fflush(nil)
        _exit(0)
    }
}
