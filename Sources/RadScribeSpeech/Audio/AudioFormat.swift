/// The wire format of an incoming audio stream: sample rate, channel count and sample encoding.
///
/// Instances are always valid: the initialiser rejects sample rates outside 8–48 kHz and channel counts other than
/// mono or stereo.
public struct AudioFormat: Sendable, Hashable {
    /// How one sample is stored on the wire.
    public enum Encoding: String, Sendable, Hashable, CaseIterable {
        /// Signed 16-bit integers, little-endian.
        case pcm16le
        /// IEEE 754 single-precision floats in [-1, 1], little-endian.
        case float32le

        /// Parses an encoding name as sent by a client.
        ///
        /// - Parameter name: The encoding name, `pcm16le` or `float32le`.
        /// - Throws: ``AudioInputError`` with code ``AudioInputError/Code/unsupportedEncoding``; the error does not echo the name.
        public init(validating name: some StringProtocol) throws(AudioInputError) {
            guard let encoding = Encoding(rawValue: String(name)) else {
                throw AudioInputError(
                    code: .unsupportedEncoding,
                    field: "encoding",
                    description: "encoding is not one of \(Encoding.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            self = encoding
        }

        /// The number of bytes one sample of one channel occupies.
        public var bytesPerSample: Int {
            switch self {
            case .pcm16le: 2
            case .float32le: 4
            }
        }
    }

    /// The sample rates accepted, in hertz.
    public static let supportedSampleRates: ClosedRange<Int> = 8_000...48_000
    /// The channel counts accepted (mono or interleaved stereo).
    public static let supportedChannelCounts: ClosedRange<Int> = 1...2

    /// Samples per second per channel, in hertz.
    public let sampleRate: Int
    /// The number of interleaved channels.
    public let channelCount: Int
    /// The sample encoding.
    public let encoding: Encoding

    /// Creates a validated audio format.
    ///
    /// - Parameters:
    ///   - sampleRate: Samples per second per channel; must lie in ``supportedSampleRates``.
    ///   - channelCount: Interleaved channels; must lie in ``supportedChannelCounts``.
    ///   - encoding: The sample encoding.
    /// - Throws: ``AudioInputError`` naming the first invalid field.
    public init(sampleRate: Int, channelCount: Int, encoding: Encoding) throws(AudioInputError) {
        guard Self.supportedSampleRates.contains(sampleRate) else {
            throw AudioInputError(
                code: .unsupportedSampleRate,
                field: "sample_rate",
                description: "sample_rate \(sampleRate) Hz is outside 8000...48000 Hz"
            )
        }
        guard Self.supportedChannelCounts.contains(channelCount) else {
            throw AudioInputError(
                code: .unsupportedChannelCount,
                field: "channel_count",
                description: "channel_count \(channelCount) is outside 1...2"
            )
        }
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.encoding = encoding
    }

    /// The number of bytes one frame (one sample of every channel) occupies.
    public var bytesPerFrame: Int { encoding.bytesPerSample * channelCount }
}
