/// A setting that stops start-up: its name, and what is wrong with it, in one line.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The setting's name as a user writes it (for example `RADSCRIBE_PORT`).
    public var setting: String
    /// What is wrong, with the accepted values.
    public var problem: String

    /// Creates an error.
    public init(setting: String, problem: String) {
        self.setting = setting
        self.problem = problem
    }

    public var description: String { "invalid configuration: \(setting) \(problem)" }
}
