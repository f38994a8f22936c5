/// An error from the storage layer. Its description names what failed, never stored content.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Internal: Sendable, Hashable {
            case unavailable
            case schemaTooNew
            case corrupt
            case conflict
            case notFound
        }
        private let value: Internal

        /// The database cannot be reached or written.
        public static let unavailable = Code(value: .unavailable)
        /// The database was migrated by a newer version.
        public static let schemaTooNew = Code(value: .schemaTooNew)
        /// Stored data does not decode.
        public static let corrupt = Code(value: .corrupt)
        /// The write contradicts what is stored (another segment under the same index, a gap in the indexes).
        public static let conflict = Code(value: .conflict)
        /// The record the write refers to does not exist.
        public static let notFound = Code(value: .notFound)

        public var description: String {
            switch value {
            case .unavailable: "unavailable"
            case .schemaTooNew: "schema_too_new"
            case .corrupt: "corrupt"
            case .conflict: "conflict"
            case .notFound: "not_found"
            }
        }
    }

    /// The failure kind.
    public var code: Code
    /// A sentence about what failed, without stored content.
    public var message: String
    /// The error that caused it, for debugging; its description is not shown to clients.
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { "StorageError(\(code)): \(message)" }
}
