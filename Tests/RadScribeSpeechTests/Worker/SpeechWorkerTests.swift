import Foundation
import Logging
import RadScribeCore
import RadScribeSpeech
import ServiceLifecycle
import Testing

/// The real speech worker (faster-whisper, Whisper base) under the real supervisor, with speech from espeak-ng.
///
/// `./test` installs the worker before the Swift tests run; these tests fail, not skip, when it is missing.
@Suite("Speech worker, supervised", .serialized)
struct SpeechWorkerTests {
    static let dictation = "No pneumothorax. Small left pleural effusion."

    /// espeak-ng speech resampled to 16 kHz, with silence after it.
    static func speech(_ text: String, voice: String = "en-us", trailingSilence: Double = 1.0) throws -> [Float] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/espeak-ng")
        process.arguments = ["-v", voice, "-s", "130", "--stdout", text]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wav = try WAVFile(decoding: [UInt8](data))
        var resampler = Resampler(inputSampleRate: wav.sampleRate)
        return [Float](repeating: 0, count: 3_200) + resampler.process(wav.samples) + resampler.flush()
            + [Float](repeating: 0, count: Int(trailingSilence * 16_000))
    }

    static func supervisor() -> SpeechWorkerSupervisor {
        var logger = Logger(label: "speech-worker-test")
        logger.logLevel = .warning
        return SpeechWorkerSupervisor(
            configuration: .init(python: "speech-worker/.venv/bin/python", script: "speech-worker/worker.py", healthInterval: .seconds(1)),
            logger: logger
        )
    }

    /// Runs the supervisor for the duration of `body`.
    static func withWorker(_ body: @Sendable (SpeechWorkerSupervisor) async throws -> Void) async throws {
        let supervisor = supervisor()
        let running = Task { try await supervisor.run() }
        defer { running.cancel() }
        await supervisor.waitUntilReady()
        try await body(supervisor)
        running.cancel()
        _ = await running.result
        #expect(await supervisor.processIdentifier == nil, "the worker stops with the supervisor")
    }

    @Test(.timeLimit(.minutes(3))) func decodesEnglishDictationThroughTheOpenAIAPI() async throws {
        try await Self.withWorker { supervisor in
            let transcriber = SupervisedWorkerTranscriber(supervisor: supervisor)
            let result = try await transcriber.transcribe(TranscriptionRequest(samples: try Self.speech(Self.dictation), language: .en))
            #expect(result.text.lowercased().contains("effusion"))
            #expect(!result.words.isEmpty)
            #expect(result.words.allSatisfy { $0.end >= $0.start && $0.confidence > 0 && $0.confidence <= 1 })
            #expect(result.segments.allSatisfy { $0.noSpeechProbability != nil && $0.averageLogProbability != nil })
        }
    }

    @Test(.timeLimit(.minutes(3))) func streamingGivesFinalsAndSurvivesAKilledWorker() async throws {
        try await Self.withWorker { supervisor in
            let engine = BatchSpeechEngine(
                name: "worker",
                transcriber: SupervisedWorkerTranscriber(supervisor: supervisor),
                policy: StreamingPolicy(partialsEnabled: false, initialRetryDelay: .milliseconds(200))
            )
            let recognizer = try await engine.startRecognition(RecognitionConfiguration(language: .en))
            let firstPID = try #require(await supervisor.processIdentifier)
            let collected = Task {
                var events: [RecognitionEvent] = []
                for await event in recognizer.events { events.append(event) }
                return events
            }
            // The worker dies while the utterances are being decoded; they are decoded again by the restarted worker.
            await recognizer.accept(try Self.speech(Self.dictation))
            kill(firstPID, SIGKILL)
            await recognizer.accept(try Self.speech("Small right pleural effusion."))
            await recognizer.finish()
            let events = await collected.value
            let finals = events.compactMap { event -> UtteranceTranscript? in
                if case .final(let final) = event { return final }
                return nil
            }
            #expect(finals.map(\.utteranceIndex) == Array(0..<finals.count))
            #expect(finals.count >= 2)
            #expect(finals.map(\.text).joined(separator: " ").lowercased().contains("effusion"))
            #expect(finals.allSatisfy { final in final.words.allSatisfy { $0.start >= final.start - 0.3 } })
            #expect(await supervisor.startCount >= 2)
            #expect(await supervisor.processIdentifier != firstPID)
        }
    }

    /// A server stopped while its worker is still loading stops the worker and does not start another one.
    @Test(.timeLimit(.minutes(1))) func shutdownDuringStartStopsTheWorkerForGood() async throws {
        let supervisor = Self.supervisor()
        let group = ServiceGroup(configuration: .init(services: [supervisor], logger: Logger(label: "speech-worker-test")))
        let running = Task { try await group.run() }
        var pid = await supervisor.processIdentifier
        while pid == nil {
            try await Task.sleep(for: .milliseconds(10))
            pid = await supervisor.processIdentifier
        }
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await supervisor.state == .stopped)
        #expect(await supervisor.startCount == 1)
        #expect(await supervisor.processIdentifier == nil)
        #expect(kill(try #require(pid), 0) == -1, "the worker process is gone")
    }

    @Test func parsesTheAnnouncedPort() {
        #expect(SpeechWorkerSupervisor.announcedPort(in: "listening on http://127.0.0.1:8178") == 8178)
        #expect(SpeechWorkerSupervisor.announcedPort(in: "loading model") == nil)
    }
}
