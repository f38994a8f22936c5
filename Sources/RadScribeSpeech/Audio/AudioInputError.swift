/// An error raised while validating an audio format or decoding an audio chunk.
///
/// The description names the offending field and, where useful, the rejected number; it never carries audio content
/// or client-supplied text, so it is safe to log.
public struct AudioInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, extensible without breaking callers that switch on it.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Base: String, Sendable, Hashable {
            case unsupportedSampleRate = "unsupported_sample_rate"
            case unsupportedChannelCount = "unsupported_channel_count"
            case unsupportedEncoding = "unsupported_encoding"
            case chunkTooLarge = "chunk_too_large"
        }

        private let base: Base

        private init(_ base: Base) { self.base = base }

        /// The sample rate lies outside ``AudioFormat/supportedSampleRates``.
        public static let unsupportedSampleRate = Code(.unsupportedSampleRate)
        /// The channel count lies outside ``AudioFormat/supportedChannelCounts``.
        public static let unsupportedChannelCount = Code(.unsupportedChannelCount)
        /// The encoding name is not one of ``AudioFormat/Encoding``'s cases.
        public static let unsupportedEncoding = Code(.unsupportedEncoding)
        /// A chunk handed to ``PCMDecoder`` exceeds its ``PCMDecoder/maximumChunkByteCount``.
        public static let chunkTooLarge = Code(.chunkTooLarge)

        /// A stable snake_case name for logs and metrics.
        public var description: String { base.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The name of the rejected field, for example `sample_rate`.
    public let field: String
    /// A human-readable explanation naming the field; free of audio content.
    public let description: String

    init(code: Code, field: String, description: String) {
        self.code = code
        self.field = field
        self.description = description
    }
}
