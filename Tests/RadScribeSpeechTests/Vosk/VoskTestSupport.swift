import Logging
import RadScribeCore
import RadScribeSpeech
import Synchronization

/// Audio that ``ScriptedVoskServer`` hears as words, laid out on the stream's clock.
struct ScriptedDictation {
    /// A word as the scripted recogniser should report it, in samples from the start of the stream.
    struct Word: Equatable {
        var text: String
        var start: Int
        var end: Int
    }

    /// Samples per word: 0.2 s.
    static let wordLength = 3_200
    /// Silence between the words of an utterance: 0.05 s, shorter than the endpoint silence.
    static let wordGap = 800
    /// Silence after an utterance: 0.5 s, longer than the endpoint silence plus one whole frame, so that every
    /// framing of the audio ends the utterance inside it.
    static let utterancePause = 8_000

    private(set) var samples: [Float] = []
    private(set) var utterances: [[Word]] = []

    /// Builds a dictation with `script`.
    init(_ script: (inout ScriptedDictation) -> Void) {
        script(&self)
    }

    /// Appends an utterance: its words, each followed by a short gap, then `pause` samples of silence.
    mutating func say(_ text: String, pause: Int = utterancePause) {
        var words: [Word] = []
        for (index, name) in text.split(separator: " ").enumerated() {
            if index > 0 { samples += Array(repeating: 0, count: Self.wordGap) }
            let value = ScriptedVoskServer.vocabulary.firstIndex(of: String(name))! + 1
            words.append(Word(text: String(name), start: samples.count, end: samples.count + Self.wordLength))
            samples += Array(repeating: Float(value) / 32_768, count: Self.wordLength)
        }
        samples += Array(repeating: 0, count: pause)
        utterances.append(words)
    }

    /// Appends silence.
    mutating func pause(_ count: Int) {
        samples += Array(repeating: 0, count: count)
    }

    /// The audio as the server should receive it: PCM16 little-endian.
    var pcm16: [UInt8] {
        samples.flatMap { sample -> [UInt8] in
            let bits = UInt16(bitPattern: Int16((sample * 32_768).rounded()))
            return [UInt8(bits & 0xFF), UInt8(bits >> 8)]
        }
    }
}

extension VoskEngineConfiguration {
    /// Quick reconnection and generous timeouts that only keep a broken test from hanging.
    static func testing(connectTimeout: Duration = .seconds(20), finishTimeout: Duration = .seconds(30)) -> Self {
        VoskEngineConfiguration(
            connectTimeout: connectTimeout,
            finishTimeout: finishTimeout,
            initialReconnectDelay: .milliseconds(10),
            maximumReconnectDelay: .milliseconds(200)
        )
    }
}

extension SpeechRecognizer {
    /// Feeds `samples` in 20 ms chunks, as a dictation client sends them, finishes, and returns every event.
    func transcribe(_ samples: [Float]) async -> [RecognitionEvent] {
        var start = 0
        while start < samples.count {
            let end = min(start + 320, samples.count)
            await accept(Array(samples[start..<end]))
            start = end
        }
        await finish()
        var events: [RecognitionEvent] = []
        for await event in self.events { events.append(event) }
        return events
    }
}

extension [RecognitionEvent] {
    var finals: [UtteranceTranscript] {
        compactMap { if case .final(let transcript) = $0 { transcript } else { nil } }
    }

    var partials: [PartialHypothesis] {
        compactMap { if case .partial(let hypothesis) = $0 { hypothesis } else { nil } }
    }

    var engineStatus: [String] {
        compactMap { event in
            switch event {
            case .engineUnavailable(let error): "unavailable(\(error.kind))"
            case .engineRecovered: "recovered"
            case .utteranceLost(let index, let error): "lost(\(index), \(error.kind))"
            case .partial, .final: nil
            }
        }
    }
}

/// Every line a logger wrote, message and metadata, to check that no dictated text is logged.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    /// The lines so far.
    var all: [String] { lines.withLock { $0 } }

    /// A logger at trace level that writes here.
    func makeLogger() -> Logger {
        Logger(label: "vosk-test") { _ in RecordingLogHandler(lines: self) }
    }

    fileprivate func append(_ line: String) {
        lines.withLock { $0.append(line) }
    }
}

private struct RecordingLogHandler: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let values = metadata.merging(event.metadata ?? [:]) { $1 }.map { "\($0.key)=\($0.value)" }
        lines.append(([event.message.description] + values).joined(separator: " "))
    }
}
