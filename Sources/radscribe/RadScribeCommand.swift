import ArgumentParser

/// The `radscribe` command: the server and the tools around it.
@main
struct RadScribeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "radscribe",
        abstract: "Real-time radiology dictation server.",
        subcommands: [ServeCommand.self, MigrateCommand.self, StructureCommand.self, EvalCommand.self, BenchCommand.self]
    )
}
