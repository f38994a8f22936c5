import ArgumentParser
import Foundation
import Logging

/// `radscribe bench speech`: streams synthesised radiology dictations to the real-time endpoint in real time and
/// measures final latency, partial cadence, the engine's speed, word error rate and medical-term recall.
struct SpeechBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speech",
        abstract: "Measure real-time dictation: final latency, partial interval, engine speed, WER and term recall.",
        discussion: """
            Speaks the built-in English and German dictations with espeak-ng and streams them to a running server's \
            /api/v1/realtime/transcription in 20 ms frames paced in real time, one session per dictation.
            """
    )

    /// Which built-in dictations to speak.
    enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
        case en
        case de
        case both

        var languages: [BenchLanguage] {
            switch self {
            case .en: [.en]
            case .de: [.de]
            case .both: [.en, .de]
            }
        }
    }

    @Option(help: "WebSocket URL of the real-time endpoint, e.g. ws://127.0.0.1:8080/api/v1/realtime/transcription.")
    var url: String

    @Option(help: "Dictations to speak: en, de or both.")
    var language: LanguageChoice = .both

    @Option(name: .customLong("repeat"), help: "How many times to stream each dictation.")
    var repetitions: Int = 1

    @Option(help: "espeak-ng speaking rate in words per minute.")
    var speed: Int = 130

    @Option(name: .customLong("pause-ms"), help: "Silence between sentences, in milliseconds.")
    var pauseMs: Int = 1200

    @Option(name: .customLong("timeout"), help: "Seconds to wait for transcription_stopped after a dictation's audio.")
    var timeoutSeconds: Int = 30

    @Option(help: "The engine the server runs, as a label for the output (the protocol does not report it).")
    var engine: String = "server default (bundled Whisper worker)"

    @Flag(help: "Also print the figures as JSON on standard output (the table then goes to standard error).")
    var json = false

    /// Silence after the last sentence, so the server can end the utterance before `stop_transcription`.
    static let trailingSilence = Duration.milliseconds(1500)

    func validate() throws {
        guard url.hasPrefix("ws://") || url.hasPrefix("wss://") else { throw ValidationError("--url must be a ws:// or wss:// URL") }
        guard repetitions > 0 else { throw ValidationError("--repeat must be positive") }
        guard (80...450).contains(speed) else { throw ValidationError("--speed must be 80–450 words per minute") }
        guard (200...10_000).contains(pauseMs) else { throw ValidationError("--pause-ms must be 200–10000") }
        guard timeoutSeconds > 0 else { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let dictations = SpeechBenchCorpus.dictations(in: language.languages)
        let pause = Duration.milliseconds(pauseMs)
        report("radscribe bench speech: synthesising \(dictations.map(\.sentences.count).reduce(0, +)) sentences with espeak-ng")
        let synthesizer = EspeakSynthesizer(wordsPerMinute: speed)
        let audios = try dictations.map { dictation in
            let sentences = try dictation.sentences.map { try synthesizer.synthesize($0.spoken, language: dictation.language) }
            return try DictationAudio(sentences: sentences, pause: pause, trailingSilence: Self.trailingSilence)
        }
        var logger = Logger(label: "radscribe.bench.speech")
        logger.logLevel = .warning
        let streamer = RealtimeDictationStreamer(url: url, answerTimeout: .seconds(timeoutSeconds), logger: logger)
        let matcher = { (audio: DictationAudio) in FinalMatcher(speech: audio.speechSpans, tolerance: min(0.5, Double(pauseMs) / 2000)) }
        var results: [DictationResult] = []
        for round in 1...repetitions {
            for (dictation, audio) in zip(dictations, audios) {
                let recording: DictationRecording
                do {
                    recording = try await streamer.stream(audio, language: dictation.language)
                } catch let error as RealtimeDictationStreamer.StreamError {
                    report("radscribe bench speech: \(error)")
                    throw ExitCode.failure
                }
                let result = DictationResult(dictation: dictation, speech: audio.speechSpans, recording: recording, matcher: matcher(audio))
                results.append(result)
                report(Self.progressLine(round: round, name: dictation.name, result: result))
            }
        }
        let groups = language.languages.map { language in
            SpeechBenchFigures(group: language.rawValue, results: results.filter { $0.language == language })
        }
        let overall = SpeechBenchFigures(group: "all", results: results)
        let columns = groups.count > 1 ? groups + [overall] : groups
        report("")
        report(methodNote(dictations: dictations.count))
        report("")
        report(SpeechBenchTable.render(columns))
        report("")
        report(Self.targetLines(overall))
        report("")
        report(Self.definitions)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let output = SpeechBenchOutput(machine: machine, settings: settings(dictations: dictations.count), figures: columns)
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        }
    }

    // MARK: Output

    private var machine: SpeechBenchOutput.Machine {
        SpeechBenchOutput.Machine(cores: ProcessInfo.processInfo.activeProcessorCount, engine: engine)
    }

    private func settings(dictations: Int) -> SpeechBenchOutput.Settings {
        SpeechBenchOutput.Settings(
            url: url,
            dictations: dictations,
            repetitions: repetitions,
            wordsPerMinute: speed,
            pauseMs: pauseMs,
            trailingSilenceMs: Int(Self.trailingSilence / .milliseconds(1)),
            frameMs: 1000 / DictationAudio.framesPerSecond
        )
    }

    private func methodNote(dictations: Int) -> String {
        """
        measured on \(machine.cores) cores, engine: \(engine); \(dictations) dictations × \(repetitions), \
        espeak-ng \(speed) wpm (22050 Hz PCM16, sent as is), \(1000 / DictationAudio.framesPerSecond) ms frames paced in real time, \
        \(pauseMs) ms between sentences, \(Int(Self.trailingSilence / .milliseconds(1))) ms after the last; one session per dictation.
        """
    }

    private static func progressLine(round: Int, name: String, result: DictationResult) -> String {
        let latency = Quantiles(result.latenciesMs).median.map { "\(Int($0.rounded())) ms" } ?? "n/a"
        var line = "  [\(round)] \(result.language.rawValue) \(name): \(result.endedSentences)/\(result.sentences) sentences answered, "
        line += "\(result.finals) finals, median latency \(latency)"
        if result.outcome != .stopped { line += ", session \(result.outcome.rawValue)" }
        if !result.errorTypes.isEmpty { line += ", errors: \(result.errorTypes.joined(separator: ", "))" }
        if !result.engineStates.isEmpty { line += ", engine_status: \(result.engineStates.joined(separator: ", "))" }
        return line
    }

    private static func targetLines(_ overall: SpeechBenchFigures) -> String {
        func check(_ name: String, _ value: Double?, limit: Double) -> String {
            let verdict = value.map { $0 <= limit ? "met" : "missed" } ?? "not measured"
            return "  \(name) ≤ \(Int(limit)) ms: \(SpeechBenchTable.format(value, digits: 0)) ms, \(verdict)"
        }
        return [
            "targets (issue: 2 cores, Whisper base int8):",
            check("final latency p50", overall.latencyP50Ms, limit: 1500),
            check("final latency p95", overall.latencyP95Ms, limit: 2000),
            check("overhead p95 (latency − decodeMs)", overall.overheadP95Ms, limit: 100),
            check("server overhead p95 (latencyMs − decodeMs)", overall.serverOverheadP95Ms, limit: 100),
            check("server processing after the decode p95", overall.processingP95Ms, limit: 100),
        ].joined(separator: "\n")
    }

    private static let definitions = """
        how the figures are computed:
          final latency: arrival of a final − sending of the 20 ms frame holding the last sample of the sentence above \
        −40 dBFS (end of speech). A final belongs to the sentence whose speech ended last before the final's `end` \
        (0.5 s tolerance for word timestamps); only a sentence's first final counts. It includes the server's wait \
        for silence.
          server latencyMs: the server's own figure, from the silence onset that ended the speech to sending.
          real-time factor: decodeMs / (final end − final start); below 1 is faster than real time.
          overhead (latency − decodeMs): everything but the final decode, measured from the client: endpointing \
        silence, queueing, normalisation, storage, network. An approximation: a decode started speculatively at \
        silence onset overlaps the silence wait, and decodeMs may not cover the whole decode.
          server overhead (latencyMs − decodeMs): the same from the server's clock, starting at silence onset.
          waitMs: silence onset → the final decode sent to the engine: the speculation delay, the endpointer's         detection, and any wait for a final still decoding before it.
          server processing after the decode (latencyMs − waitMs − decodeMs): hallucination guards, normalisation,         storage and sending.
          partial interval: time between consecutive partials of one segment. WER: (S+D+I)/N over words of all \
        finals of a dictation against its expected written text (lower case, no punctuation, decimal marks kept); \
        term recall: expected terms found (case-insensitive) in the finals of their dictation. Medians are quoted: \
        the machine is shared and noisy.
        """

    /// Writes a human-readable line: to standard output, or to standard error when JSON goes to standard output.
    private func report(_ line: String) {
        if json {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }
}

/// The JSON that `radscribe bench speech --json` prints.
struct SpeechBenchOutput: Codable, Sendable {
    /// Where the benchmark ran.
    struct Machine: Codable, Sendable {
        var cores: Int
        var engine: String
    }

    /// How the dictations were streamed.
    struct Settings: Codable, Sendable {
        var url: String
        var dictations: Int
        var repetitions: Int
        var wordsPerMinute: Int
        var pauseMs: Int
        var trailingSilenceMs: Int
        var frameMs: Int
    }

    var machine: Machine
    var settings: Settings
    var figures: [SpeechBenchFigures]
}
