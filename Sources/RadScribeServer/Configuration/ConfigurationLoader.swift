import Configuration
import Foundation
import Logging
import RadScribeCore
import RadScribeSpeech
import SystemPackage

/// Reads ``ServerConfiguration`` from environment variables and an optional configuration file.
///
/// The file uses the same `RADSCRIBE_*` names as the environment, one `NAME=value` per line (the format of a
/// systemd `EnvironmentFile` or a `.env` file). The environment wins over the file, so a deployment can override one
/// setting without editing the file. Every value is validated here; the first bad one stops start-up with a
/// ``ConfigurationError`` that names the setting.
public struct ConfigurationLoader: Sendable {
    /// The environment variable that names the configuration file.
    public static let fileSetting = "RADSCRIBE_CONFIG_FILE"

    private let environment: [String: String]

    /// Creates a loader over `environment` (the process environment in production, a dictionary in tests).
    ///
    /// A variable set to the empty string counts as unset, so `RADSCRIBE_PORT= radscribe serve` falls back to the file or default.
    public init(environment: [String: String]) {
        self.environment = environment.filter { !$0.value.isEmpty }
    }

    /// Loads and validates the configuration.
    ///
    /// - Parameter file: A configuration file; when `nil`, the one named by `RADSCRIBE_CONFIG_FILE`, if any.
    /// - Throws: ``ConfigurationError`` for the first invalid setting or an unreadable file.
    public func load(file: String? = nil) async throws -> ServerConfiguration {
        var providers: [any ConfigProvider] = [EnvironmentVariablesProvider(environmentVariables: environment)]
        if let path = file ?? environment[Self.fileSetting] {
            do {
                providers.append(try await EnvironmentVariablesProvider(environmentFilePath: FilePath(path), allowMissing: false))
            } catch {
                throw ConfigurationError(setting: Self.fileSetting, problem: "names a file that cannot be read: \(path)")
            }
        }
        let settings = Settings(reader: ConfigReader(providers: providers))

        let dataDirectory = settings.string("RADSCRIBE_DATA_DIR") ?? "data"
        return ServerConfiguration(
            host: try settings.host("RADSCRIBE_HOST") ?? "127.0.0.1",
            port: try settings.integer("RADSCRIBE_PORT", in: 0...65535) ?? 8080,
            dataDirectory: dataDirectory,
            database: try settings.database("RADSCRIBE_DATABASE_URL"),
            migrateOnStart: try settings.boolean("RADSCRIBE_MIGRATE_ON_START") ?? true,
            // No `trace`: the WebSocket library logs the first bytes of every frame (dictated audio and text) at trace.
            logLevel: try settings.choice(
                "RADSCRIBE_LOG_LEVEL",
                { $0 == "trace" ? nil : Logger.Level(rawValue: $0) },
                accepted: Logger.Level.allCases.filter { $0 != .trace }.map(\.rawValue)
            ) ?? .info,
            logFormat: try settings.choice("RADSCRIBE_LOG_FORMAT", LogFormat.init(rawValue:), accepted: ["json", "text"]) ?? .json,
            defaultLanguage: try settings.choice("RADSCRIBE_LANGUAGE", LanguageSelection.init(code:), accepted: ["de", "en", "auto"]) ?? .auto,
            fallbackLanguage: try settings.choice("RADSCRIBE_FALLBACK_LANGUAGE", Language.init(rawValue:), accepted: ["de", "en"]) ?? .de,
            limits: InputLimits(
                maxBodyBytes: try settings.integer("RADSCRIBE_MAX_BODY_BYTES", in: 1024...(256 << 20)) ?? 1 << 20,
                maxTextCharacters: try settings.integer("RADSCRIBE_MAX_TEXT_CHARS", in: 100...10_000_000) ?? 100_000,
                maxJSONDepth: try settings.integer("RADSCRIBE_MAX_JSON_DEPTH", in: 2...256) ?? 16
            ),
            speech: SpeechSettings(
                engine: try settings.speechEngine(),
                endpointSilenceMilliseconds: try settings.integer("RADSCRIBE_ENDPOINT_SILENCE_MS", in: 200...3_000) ?? 500,
                speculationDelayMilliseconds: try settings.integer("RADSCRIBE_SPECULATION_DELAY_MS", in: 0...1_000) ?? 100,
                maximumUtteranceSeconds: try settings.integer("RADSCRIBE_MAX_UTTERANCE_SECONDS", in: 5...29) ?? 28,
                audioRetentionSeconds: try settings.integer("RADSCRIBE_AUDIO_RETENTION_SECONDS", in: 0...86_400) ?? 1_800,
                maximumAudioFrameBytes: try settings.integer("RADSCRIBE_MAX_AUDIO_FRAME_BYTES", in: 1_024...(16 << 20)) ?? 256 * 1024,
                preprocessing: try settings.choice(
                    "RADSCRIBE_AUDIO_PREPROCESSING",
                    { AudioPreprocessing(names: $0.split(separator: ",").map(String.init)) },
                    accepted: ["none", "pre_emphasis", "noise_gate", "level_normalization (comma-separated)"]
                ) ?? []
            ),
            llm: try settings.llm()
        )
    }
}

/// Typed, validated access to settings by their environment-variable names.
private struct Settings {
    let reader: ConfigReader

    func string(_ name: String) -> String? {
        guard let value = reader.string(forKey: Self.key(name)) else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        try bounded(name, in: range, described: "a whole number")
    }

    func number(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        try bounded(name, in: range, described: "a number")
    }

    private func bounded<Value: LosslessStringConvertible & Comparable>(
        _ name: String,
        in range: ClosedRange<Value>,
        described kind: String
    ) throws -> Value? {
        guard let value = string(name) else { return nil }
        guard let number = Value(value), range.contains(number) else {
            throw ConfigurationError(setting: name, problem: "must be \(kind) from \(range.lowerBound) to \(range.upperBound) (got \"\(value)\")")
        }
        return number
    }

    func boolean(_ name: String) throws -> Bool? {
        guard let value = string(name) else { return nil }
        switch value.lowercased() {
        case "1", "true", "yes", "on": return true
        case "0", "false", "no", "off": return false
        default: throw ConfigurationError(setting: name, problem: "must be true or false (got \"\(value)\")")
        }
    }

    func choice<T>(_ name: String, _ parse: (String) -> T?, accepted: [String]) throws -> T? {
        guard let value = string(name) else { return nil }
        guard let parsed = parse(value.lowercased()) else {
            throw ConfigurationError(setting: name, problem: "must be one of \(accepted.joined(separator: ", ")) (got \"\(value)\")")
        }
        return parsed
    }

    func host(_ name: String) throws -> String? {
        guard let value = string(name) else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:")
        guard value.allSatisfy(allowed.contains) else {
            throw ConfigurationError(setting: name, problem: "must be a host name or IP address (got \"\(value)\")")
        }
        return value
    }

    /// `sqlite:PATH` or `sqlite://PATH`; absent means the SQLite file in the data directory.
    func database(_ name: String) throws -> ServerConfiguration.Database? {
        guard let value = string(name) else { return nil }
        for prefix in ["sqlite://", "sqlite:"] where value.hasPrefix(prefix) {
            let path = String(value.dropFirst(prefix.count))
            guard !path.isEmpty else { break }
            return .sqlite(path: path)
        }
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            throw ConfigurationError(setting: name, problem: "names PostgreSQL, which this version does not support yet; use sqlite:PATH")
        }
        throw ConfigurationError(setting: name, problem: "must be sqlite:PATH (got a value of another form)")
    }

    /// `RADSCRIBE_LLM_PROVIDERS` (names in fallback order) and each provider's `RADSCRIBE_LLM_<NAME>_*` settings.
    func llm() throws -> LLMSettings {
        let listName = "RADSCRIBE_LLM_PROVIDERS"
        let names = (string(listName) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        var providers: [LLMProviderSettings] = []
        for name in names {
            guard name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }), !providers.contains(where: { $0.name == name }) else {
                throw ConfigurationError(
                    setting: listName,
                    problem: "must be distinct names of letters and digits, comma-separated (got \"\(name)\")"
                )
            }
            providers.append(try llmProvider(name))
        }
        return LLMSettings(providers: providers, deadlineMilliseconds: try integer("RADSCRIBE_LLM_DEADLINE_MS", in: 500...60_000) ?? 4_500)
    }

    private func llmProvider(_ name: String) throws -> LLMProviderSettings {
        let prefix = "RADSCRIBE_LLM_\(name.uppercased())_"
        let kinds = LLMProviderSettings.Kind.allCases
        let implied: LLMProviderSettings.Kind =
            switch name {
            case "openai": .openAI
            case "anthropic", "claude": .anthropic
            case "gemini", "google": .gemini
            default: .openAICompatible
            }
        let kind = try choice(prefix + "KIND", LLMProviderSettings.Kind.init(rawValue:), accepted: kinds.map(\.rawValue)) ?? implied
        let defaults = LLMProviderSettings.defaults(for: kind)
        guard let baseURL = try url(prefix + "URL", schemes: ["http", "https"]) ?? defaults.baseURL else {
            throw ConfigurationError(setting: prefix + "URL", problem: "must be set for a provider of kind \(kind.rawValue)")
        }
        guard let model = string(prefix + "MODEL") ?? defaults.model else {
            throw ConfigurationError(setting: prefix + "MODEL", problem: "must be set for a provider of kind \(kind.rawValue)")
        }
        let apiKey = try string(prefix + "API_KEY") ?? secretFile(prefix + "API_KEY_FILE")
        if apiKey == nil, kind != .openAICompatible {
            throw ConfigurationError(
                setting: prefix + "API_KEY",
                problem: "(or \(prefix)API_KEY_FILE) must be set for a provider of kind \(kind.rawValue)"
            )
        }
        let onPremise = try boolean(prefix + "ON_PREMISE") ?? false
        let rawText = try boolean(prefix + "RAW_TEXT") ?? false
        if rawText, !onPremise {
            throw ConfigurationError(setting: prefix + "RAW_TEXT", problem: "may only be true for a provider with \(prefix)ON_PREMISE=true")
        }
        let structured = ["json_schema", "json_object", "none"]
        return LLMProviderSettings(
            name: name,
            kind: kind,
            baseURL: baseURL,
            model: model,
            apiKey: apiKey,
            apiVersion: string(prefix + "API_VERSION") ?? (kind == .azure ? "2024-10-21" : nil),
            timeoutMilliseconds: try integer(prefix + "TIMEOUT_MS", in: 100...120_000) ?? 4_000,
            maximumOutputTokens: try integer(prefix + "MAX_TOKENS", in: 64...32_768) ?? 2_048,
            temperature: try number(prefix + "TEMPERATURE", in: 0...2) ?? 0.1,
            isOnPremise: onPremise,
            sendsRawText: rawText,
            structuredOutput: try choice(prefix + "STRUCTURED_OUTPUT", { structured.contains($0) ? $0 : nil }, accepted: structured) ?? "json_schema",
            requestsPerMinute: try integer(prefix + "RPM", in: 1...1_000_000),
            tokensPerMinute: try integer(prefix + "TPM", in: 100...100_000_000)
        )
    }

    /// The trimmed contents of the file a setting names (a mounted secret); the value itself is never echoed.
    private func secretFile(_ name: String) throws -> String? {
        guard let path = string(name) else { return nil }
        guard let data = FileManager.default.contents(atPath: path),
            let secret = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !secret.isEmpty
        else {
            throw ConfigurationError(setting: name, problem: "names a file that cannot be read or is empty: \(path)")
        }
        return secret
    }

    /// `RADSCRIBE_SPEECH_ENGINE` (`worker`, `openai`, `vosk`) with the settings that engine needs.
    func speechEngine() throws -> SpeechSettings.Engine {
        let name = "RADSCRIBE_SPEECH_ENGINE"
        switch try choice(name, { ["worker", "openai", "vosk"].contains($0) ? $0 : nil }, accepted: ["worker", "openai", "vosk"]) ?? "worker" {
        case "openai":
            guard let url = try url("RADSCRIBE_SPEECH_URL", schemes: ["http", "https"]) else {
                throw ConfigurationError(setting: "RADSCRIBE_SPEECH_URL", problem: "must be set when \(name) is openai")
            }
            return .openAI(baseURL: url, apiKey: string("RADSCRIBE_SPEECH_API_KEY"), model: string("RADSCRIBE_SPEECH_MODEL") ?? "whisper-1")
        case "vosk":
            guard let url = try url("RADSCRIBE_VOSK_URL", schemes: ["ws", "wss"]) else {
                throw ConfigurationError(setting: "RADSCRIBE_VOSK_URL", problem: "must be set when \(name) is vosk")
            }
            return .vosk(url: url)
        default:
            return .worker(directory: string("RADSCRIBE_SPEECH_WORKER_DIR") ?? "speech-worker", python: string("RADSCRIBE_SPEECH_PYTHON"))
        }
    }

    func url(_ name: String, schemes: [String]) throws -> String? {
        guard let value = string(name) else { return nil }
        guard let colon = value.firstIndex(of: ":"), schemes.contains(value[..<colon].lowercased()), value[colon...].hasPrefix("://"),
            value.count > value.distance(from: value.startIndex, to: colon) + 3
        else {
            throw ConfigurationError(setting: name, problem: "must be a \(schemes.joined(separator: " or ")) URL (got \"\(value)\")")
        }
        return value
    }

    /// `RADSCRIBE_HTTP_PORT` → `radscribe.http.port`, the key form swift-configuration maps back to the same variable name.
    private static func key(_ name: String) -> ConfigKey {
        ConfigKey(name.lowercased().split(separator: "_").map(String.init))
    }
}
