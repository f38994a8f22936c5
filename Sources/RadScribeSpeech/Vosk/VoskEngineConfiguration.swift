/// Timeouts, reconnection and buffering of a ``VoskEngine``.
public struct VoskEngineConfiguration: Sendable, Hashable {
    /// How long opening the WebSocket (TCP connect and upgrade) may take before the attempt counts as failed.
    public var connectTimeout: Duration
    /// How long ``SpeechRecognizer/finish()`` waits for the server's last final, reconnections included.
    public var finishTimeout: Duration
    /// The wait before the first reconnection attempt after the connection broke; it doubles after each failed attempt.
    public var initialReconnectDelay: Duration
    /// The longest wait between reconnection attempts.
    public var maximumReconnectDelay: Duration
    /// How much audio since the last final is kept to send again after a reconnect; beyond it the oldest is cut.
    public var audioRetention: Duration
    /// How much accepted audio may wait to be sent while connected before ``SpeechRecognizer/accept(_:)`` waits for
    /// the socket (back-pressure).
    public var sendQueueLimit: Duration
    /// The most bytes of PCM16 in one binary frame.
    public var frameByteLimit: Int
    /// The largest message accepted from the server, in bytes.
    public var maximumMessageSize: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - connectTimeout: The limit for opening the WebSocket.
    ///   - finishTimeout: The limit for the last final after the end of the audio.
    ///   - initialReconnectDelay: The first back-off after a broken connection.
    ///   - maximumReconnectDelay: The largest back-off.
    ///   - audioRetention: The audio kept for a resend after a reconnect.
    ///   - sendQueueLimit: The unsent audio above which `accept` waits, while connected.
    ///   - frameByteLimit: The most bytes per binary frame (8000: a quarter second, as Vosk's own clients send).
    ///   - maximumMessageSize: The largest server message accepted.
    public init(
        connectTimeout: Duration = .seconds(5),
        finishTimeout: Duration = .seconds(30),
        initialReconnectDelay: Duration = .milliseconds(250),
        maximumReconnectDelay: Duration = .seconds(5),
        audioRetention: Duration = .seconds(60),
        sendQueueLimit: Duration = .seconds(2),
        frameByteLimit: Int = 8_000,
        maximumMessageSize: Int = 1 << 20
    ) {
        self.connectTimeout = connectTimeout
        self.finishTimeout = finishTimeout
        self.initialReconnectDelay = initialReconnectDelay
        self.maximumReconnectDelay = maximumReconnectDelay
        self.audioRetention = audioRetention
        self.sendQueueLimit = sendQueueLimit
        self.frameByteLimit = frameByteLimit
        self.maximumMessageSize = maximumMessageSize
    }
}
