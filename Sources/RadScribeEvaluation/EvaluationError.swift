/// Why an evaluation could not run.
///
/// The description names corpus files relative to the corpus directory and never quotes report text.
public struct EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The corpus directory does not exist.
        case missingDirectory = "missing_directory"
        /// One or more corpus files are missing.
        case missingFile = "missing_file"
        /// A corpus file exists but cannot be read as UTF-8 text.
        case unreadableFile = "unreadable_file"
        /// A corpus file does not have the expected format.
        case malformedFile = "malformed_file"
    }

    /// The kind of failure.
    public var code: Code
    /// The corpus directory, or the files concerned relative to it.
    public var paths: [String]
    /// What exactly is wrong, for `malformedFile`.
    public var detail: String?

    /// Creates an error.
    public init(_ code: Code, paths: [String], detail: String? = nil) {
        self.code = code
        self.paths = paths
        self.detail = detail
    }

    public var description: String {
        let list = paths.joined(separator: ", ")
        switch code {
        case .missingDirectory:
            return "evaluation corpus directory not found: \(list) (pass the folder of the public corpora, e.g. ../shared/eval)"
        case .missingFile:
            return "evaluation corpus incomplete, missing: \(list)"
        case .unreadableFile:
            return "evaluation corpus file is not readable UTF-8 text: \(list)"
        case .malformedFile:
            return "evaluation corpus file has an unexpected format: \(list)" + (detail.map { " (\($0))" } ?? "")
        }
    }
}
