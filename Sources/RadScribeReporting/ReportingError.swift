/// Why the report engine could not structure a dictation.
public struct ReportingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The dictation has no words.
        case emptyText = "empty_text"
    }

    /// The kind of failure.
    public var code: Code

    /// Creates an error.
    public init(_ code: Code) {
        self.code = code
    }

    public var description: String {
        switch code {
        case .emptyText: "the dictation contains no text"
        }
    }
}
