import Foundation
import Logging
import RadScribeCore

/// Everything the server needs to start, built once and passed to ``buildApplication(_:registry:logger:)``.
///
/// Built from the environment and an optional configuration file by ``ConfigurationLoader``; tests construct it directly.
public struct ServerConfiguration: Sendable {
    /// Where the database lives.
    public enum Database: Sendable, Hashable {
        /// An embedded SQLite file.
        case sqlite(path: String)
    }

    /// The address to bind.
    public var host: String
    /// The port to bind; 0 picks a free one.
    public var port: Int
    /// The directory for the database and other data.
    public var dataDirectory: String
    /// The database.
    public var database: Database
    /// Whether the server applies pending migrations at start-up.
    public var migrateOnStart: Bool
    /// The minimum log level.
    public var logLevel: Logger.Level
    /// How log lines are written.
    public var logFormat: LogFormat
    /// The language a request gets when it names none.
    public var defaultLanguage: LanguageSelection
    /// The language used when automatic detection finds no evidence.
    public var fallbackLanguage: Language
    /// Request and input limits.
    public var limits: InputLimits
    /// The speech engine and streaming settings.
    public var speech: SpeechSettings
    /// The LLM providers that may improve reports; none by default.
    public var llm: LLMSettings

    /// Creates a configuration; the defaults are those of the README's configuration table.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        dataDirectory: String = "data",
        database: Database? = nil,
        migrateOnStart: Bool = true,
        logLevel: Logger.Level = .info,
        logFormat: LogFormat = .json,
        defaultLanguage: LanguageSelection = .auto,
        fallbackLanguage: Language = .de,
        limits: InputLimits = InputLimits(),
        speech: SpeechSettings = SpeechSettings(),
        llm: LLMSettings = LLMSettings()
    ) {
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database ?? .sqlite(path: dataDirectory + "/radscribe.sqlite")
        self.migrateOnStart = migrateOnStart
        self.logLevel = logLevel
        self.logFormat = logFormat
        self.defaultLanguage = defaultLanguage
        self.fallbackLanguage = fallbackLanguage
        self.limits = limits
        self.speech = speech
        self.llm = llm
    }
}

/// How log lines are written.
public enum LogFormat: String, Sendable, Hashable {
    /// One JSON object per line, for log shippers.
    case json
    /// swift-log's human-readable lines.
    case text
}

/// Limits on what a client may send.
public struct InputLimits: Sendable, Hashable {
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// The longest dictation accepted, in characters.
    public var maxTextCharacters: Int
    /// The deepest JSON nesting accepted.
    public var maxJSONDepth: Int

    /// Creates limits.
    public init(maxBodyBytes: Int = 1 << 20, maxTextCharacters: Int = 100_000, maxJSONDepth: Int = 16) {
        self.maxBodyBytes = maxBodyBytes
        self.maxTextCharacters = maxTextCharacters
        self.maxJSONDepth = maxJSONDepth
    }
}
