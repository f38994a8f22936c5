/// The type-specific structured data that the specialised agents extract.
///
/// Each agent fills its own field; an ensemble run fills several. Fields of agents that did not run are `nil`.
public struct ExamData: Sendable, Codable, Hashable {
    /// Creates empty exam data.
    public init() {}
}
