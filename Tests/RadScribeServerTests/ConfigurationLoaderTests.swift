import Foundation
import Logging
import RadScribeCore
import Testing

@testable import RadScribeServer

@Suite("Configuration")
struct ConfigurationLoaderTests {
    private func load(_ environment: [String: String], file: String? = nil) async throws -> ServerConfiguration {
        try await ConfigurationLoader(environment: environment).load(file: file)
    }

    private func temporaryFile(_ contents: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("radscribe-\(UUID().uuidString).env").path
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func defaultsWhenNothingIsSet() async throws {
        let configuration = try await load([:])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.database == .sqlite(path: "data/radscribe.sqlite"))
        #expect(configuration.defaultLanguage == .auto)
        #expect(configuration.fallbackLanguage == .de)
        #expect(configuration.logLevel == .info)
        #expect(configuration.limits == InputLimits())
    }

    @Test func environmentSetsEverySetting() async throws {
        let configuration = try await load([
            "RADSCRIBE_HOST": "0.0.0.0", "RADSCRIBE_PORT": "9000", "RADSCRIBE_DATA_DIR": "/var/lib/radscribe",
            "RADSCRIBE_LOG_LEVEL": "DEBUG", "RADSCRIBE_LOG_FORMAT": "text", "RADSCRIBE_LANGUAGE": "en",
            "RADSCRIBE_FALLBACK_LANGUAGE": "en", "RADSCRIBE_MAX_BODY_BYTES": "4096", "RADSCRIBE_MAX_TEXT_CHARS": "500",
            "RADSCRIBE_MAX_JSON_DEPTH": "4", "RADSCRIBE_MIGRATE_ON_START": "false",
        ])
        #expect(configuration.host == "0.0.0.0")
        #expect(configuration.port == 9000)
        #expect(configuration.database == .sqlite(path: "/var/lib/radscribe/radscribe.sqlite"))
        #expect(configuration.logLevel == .debug)
        #expect(configuration.logFormat == .text)
        #expect(configuration.defaultLanguage == .fixed(.en))
        #expect(configuration.fallbackLanguage == .en)
        #expect(configuration.limits == InputLimits(maxBodyBytes: 4096, maxTextCharacters: 500, maxJSONDepth: 4))
        #expect(configuration.migrateOnStart == false)
    }

    @Test func speechSettingsComeFromTheEnvironment() async throws {
        let defaults = try await load([:]).speech
        #expect(defaults == SpeechSettings())
        let speech = try await load([
            "RADSCRIBE_ENDPOINT_SILENCE_MS": "700", "RADSCRIBE_SPECULATION_DELAY_MS": "0",
            "RADSCRIBE_MAX_UTTERANCE_SECONDS": "20", "RADSCRIBE_AUDIO_RETENTION_SECONDS": "600",
            "RADSCRIBE_MAX_AUDIO_FRAME_BYTES": "65536",
        ]).speech
        #expect(speech.endpointSilenceMilliseconds == 700)
        #expect(speech.speculationDelayMilliseconds == 0)
        #expect(speech.maximumUtteranceSeconds == 20)
        #expect(speech.audioRetentionSeconds == 600)
        #expect(speech.maximumAudioFrameBytes == 65_536)
    }

    @Test func databaseURLNamesTheSQLiteFile() async throws {
        #expect(try await load(["RADSCRIBE_DATABASE_URL": "sqlite:///tmp/x.sqlite"]).database == .sqlite(path: "/tmp/x.sqlite"))
        #expect(try await load(["RADSCRIBE_DATABASE_URL": "sqlite:rel.sqlite"]).database == .sqlite(path: "rel.sqlite"))
    }

    @Test func fileIsReadAndTheEnvironmentWins() async throws {
        let path = try temporaryFile("# RadScribe\nRADSCRIBE_PORT=9100\nRADSCRIBE_LANGUAGE=de\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fromFile = try await load([:], file: path)
        #expect(fromFile.port == 9100)
        #expect(fromFile.defaultLanguage == .fixed(.de))
        let overridden = try await load(["RADSCRIBE_PORT": "9200", "RADSCRIBE_CONFIG_FILE": path])
        #expect(overridden.port == 9200)
        #expect(overridden.defaultLanguage == .fixed(.de))
    }

    @Test(arguments: [
        ("RADSCRIBE_PORT", "abc"), ("RADSCRIBE_PORT", "70000"), ("RADSCRIBE_HOST", "bad host!"),
        ("RADSCRIBE_LOG_LEVEL", "loud"), ("RADSCRIBE_LOG_FORMAT", "xml"), ("RADSCRIBE_LANGUAGE", "fr"),
        ("RADSCRIBE_FALLBACK_LANGUAGE", "auto"), ("RADSCRIBE_MAX_BODY_BYTES", "1"), ("RADSCRIBE_MAX_TEXT_CHARS", "-5"),
        ("RADSCRIBE_MAX_JSON_DEPTH", "1000"), ("RADSCRIBE_MIGRATE_ON_START", "maybe"), ("RADSCRIBE_DATABASE_URL", "mysql://x"),
        ("RADSCRIBE_DATABASE_URL", "postgres://u:secret@db/radscribe"), ("RADSCRIBE_SPECULATION_DELAY_MS", "1500"),
        ("RADSCRIBE_SPECULATION_DELAY_MS", "-1"), ("RADSCRIBE_ENDPOINT_SILENCE_MS", "100"),
    ])
    func badSettingIsNamedInOneLine(setting: String, value: String) async throws {
        await #expect {
            _ = try await load([setting: value])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            return error.setting == setting && !error.description.contains("\n") && !error.description.contains("secret")
        }
    }

    @Test func missingConfigFileIsNamed() async throws {
        await #expect {
            _ = try await load(["RADSCRIBE_CONFIG_FILE": "/nonexistent/radscribe.env"])
        } throws: { error in
            (error as? ConfigurationError)?.setting == "RADSCRIBE_CONFIG_FILE"
        }
    }
}

extension ConfigurationLoaderTests {
    @Test func emptyVariableFallsBackToTheFile() async throws {
        let path = try temporaryFile("RADSCRIBE_PORT=9300\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try await load(["RADSCRIBE_PORT": ""], file: path).port == 9300)
        #expect(try await load(["RADSCRIBE_PORT": ""]).port == 8080)
    }
}
