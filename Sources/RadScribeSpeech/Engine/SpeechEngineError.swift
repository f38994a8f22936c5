/// Why a speech engine could not decode audio.
public struct SpeechEngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, which decides whether retrying can help.
    public enum Kind: String, Sendable, Hashable {
        /// The engine could not be reached, or the connection broke: retry once it is back.
        case unavailable
        /// The engine is up but not ready (model still loading, overloaded): retry later.
        case busy
        /// The engine rejected the request (bad audio, unknown language): retrying the same request will not help.
        case rejected
        /// The engine answered with something that is not its documented format.
        case invalidResponse
        /// The request took longer than allowed.
        case timeout
    }

    /// The kind of failure.
    public var kind: Kind
    /// A message for logs and clients. It never contains recognised text.
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// Whether the same request may succeed when tried again.
    public var isRetryable: Bool { kind != .rejected && kind != .invalidResponse }

    public var description: String { "\(kind.rawValue): \(message)" }
}
