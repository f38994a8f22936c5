import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

/// Starts the bundled speech worker, watches it, and restarts it with back-off when it dies or stops answering.
///
/// Run it as a service: `run()` returns, after stopping the worker (SIGTERM, then SIGKILL after a grace period),
/// when the service group shuts down. The worker announces its address with one stdout line
/// `listening on http://HOST:PORT`; a restart asks for the same port again so clients keep their URL.
public actor SpeechWorkerSupervisor: Service {
    /// How to start and watch the worker.
    public struct Configuration: Sendable {
        /// The Python interpreter (normally the worker's virtual environment).
        public var python: String
        /// The worker script.
        public var script: String
        /// Extra command-line arguments (model directory, beam size …).
        public var arguments: [String]
        /// The address the worker binds.
        public var host: String
        /// How long a start may take until the worker reports healthy.
        public var startTimeout: Duration
        /// How often a running worker's `/health` is checked.
        public var healthInterval: Duration
        /// Failed health checks in a row after which the worker is killed and restarted.
        public var unhealthyThreshold: Int
        /// The first wait before a restart; doubles per failed start up to ``maximumRestartDelay``.
        public var initialRestartDelay: Duration
        /// The longest wait between restarts.
        public var maximumRestartDelay: Duration
        /// How long the worker gets to exit after SIGTERM.
        public var stopGracePeriod: Duration

        /// Creates a configuration.
        public init(
            python: String,
            script: String,
            arguments: [String] = [],
            host: String = "127.0.0.1",
            startTimeout: Duration = .seconds(120),
            healthInterval: Duration = .seconds(5),
            unhealthyThreshold: Int = 3,
            initialRestartDelay: Duration = .milliseconds(500),
            maximumRestartDelay: Duration = .seconds(30),
            stopGracePeriod: Duration = .seconds(5)
        ) {
            self.python = python
            self.script = script
            self.arguments = arguments
            self.host = host
            self.startTimeout = startTimeout
            self.healthInterval = healthInterval
            self.unhealthyThreshold = unhealthyThreshold
            self.initialRestartDelay = initialRestartDelay
            self.maximumRestartDelay = maximumRestartDelay
            self.stopGracePeriod = stopGracePeriod
        }
    }

    /// What the worker is doing.
    public enum State: Sendable, Hashable {
        /// Starting (or restarting) and not yet healthy.
        case starting
        /// Healthy at this base URL (`http://HOST:PORT/v1`).
        case ready(baseURL: String)
        /// Stopped with the server.
        case stopped
    }

    private let configuration: Configuration
    private let logger: Logger
    private let httpClient: HTTPClient
    private var process: Process?
    private var port = 0
    private var readyWaiters: [CheckedContinuation<Void, Never>] = []
    /// The one stop in progress or done (graceful shutdown and the end of `run()` both ask for it).
    private var stopping: Task<Void, Never>?
    /// The worker's state.
    /// `.stopped` is final: once the server shuts down, no later step of a start or restart may leave it.
    public private(set) var state = State.starting
    /// How many times the worker has been (re)started.
    public private(set) var startCount = 0

    /// Creates a supervisor; nothing starts before `run()`.
    public init(configuration: Configuration, logger: Logger, httpClient: HTTPClient = .shared) {
        self.configuration = configuration
        self.logger = logger
        self.httpClient = httpClient
    }

    /// The worker's base URL while it is healthy, else `nil`.
    public var baseURL: String? {
        if case .ready(let url) = state { return url }
        return nil
    }

    /// The worker's process id while it runs (for operators and tests).
    public var processIdentifier: Int32? { process?.isRunning == true ? process?.processIdentifier : nil }

    /// Waits until the worker is healthy (returns at once when it is).
    public func waitUntilReady() async {
        if baseURL != nil { return }
        await withCheckedContinuation { readyWaiters.append($0) }
    }

    public func run() async throws {
        await withGracefulShutdownHandler {
            await supervise()
        } onGracefulShutdown: {
            Task { await self.stop() }
        }
        await stop()
    }

    private func supervise() async {
        var failures = 0
        while state != .stopped, !Task.isCancelled {
            do {
                try await startWorker()
                failures = 0
                try await watchWorker()
            } catch {
                // Stopped or cancelled: `run()` stops the worker.
                if state == .stopped || Task.isCancelled { return }
                logger.warning("speech worker failed; restarting", metadata: ["error": "\(error)"])
            }
            await kill()
            if state == .stopped { return }
            state = .starting
            failures += 1
            let delay = min(configuration.initialRestartDelay * (1 << min(failures - 1, 16)), configuration.maximumRestartDelay)
            try? await Task.sleep(for: delay)
        }
    }

    private func startWorker() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: configuration.python)
        process.arguments =
            [
                configuration.script, "--host", configuration.host, "--port", String(port),
                "--parent-pid", String(ProcessInfo.processInfo.processIdentifier),
            ]
            + configuration.arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let announcements = Self.lines(of: output.fileHandleForReading)
        forwardLog(Self.lines(of: errors.fileHandleForReading))
        do {
            try process.run()
        } catch {
            throw SpeechEngineError(.unavailable, "cannot start the speech worker (\(configuration.python)): \(error)")
        }
        self.process = process
        startCount += 1
        logger.info("speech worker starting", metadata: ["pid": "\(process.processIdentifier)", "start": "\(startCount)"])

        let announcedPort = try await withThrowingTaskGroup(of: Int?.self) { group in
            group.addTask {
                for await line in announcements {
                    if let port = Self.announcedPort(in: line) { return port }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: self.configuration.startTimeout)
                return nil
            }
            // A worker that dies (or is stopped) before announcing itself does not keep the supervisor waiting.
            group.addTask {
                while process.isRunning, await self.state != .stopped {
                    try await Task.sleep(for: .milliseconds(100))
                }
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        guard let announcedPort else {
            throw SpeechEngineError(.unavailable, "the speech worker did not announce its port")
        }
        port = announcedPort
        let url = "http://\(configuration.host):\(announcedPort)"
        let deadline = ContinuousClock.now + configuration.startTimeout
        while ContinuousClock.now < deadline {
            guard process.isRunning else { throw SpeechEngineError(.unavailable, "the speech worker exited while starting") }
            if await isHealthy(url) {
                // `stop()` may have run while the health check was awaited: stopped is final.
                guard state != .stopped else { return }
                state = .ready(baseURL: url + "/v1")
                logger.info("speech worker ready", metadata: ["url": "\(url)"])
                let waiters = readyWaiters
                readyWaiters = []
                waiters.forEach { $0.resume() }
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        throw SpeechEngineError(.timeout, "the speech worker did not become healthy within \(configuration.startTimeout)")
    }

    private func watchWorker() async throws {
        guard let process, case .ready(let baseURL) = state else { return }
        let url = String(baseURL.dropLast("/v1".count))
        var unhealthy = 0
        var nextCheck = ContinuousClock.now + configuration.healthInterval
        while process.isRunning, state != .stopped {
            try await Task.sleep(for: .milliseconds(250))
            guard process.isRunning, ContinuousClock.now >= nextCheck else { continue }
            nextCheck = .now + configuration.healthInterval
            unhealthy = await isHealthy(url) ? 0 : unhealthy + 1
            if unhealthy >= configuration.unhealthyThreshold {
                throw SpeechEngineError(.unavailable, "the speech worker stopped answering its health check")
            }
        }
        if state != .stopped {
            throw SpeechEngineError(.unavailable, "the speech worker exited (status \(process.terminationStatus))")
        }
    }

    private func isHealthy(_ url: String) async -> Bool {
        do {
            let response = try await httpClient.execute(HTTPClientRequest(url: url + "/health"), timeout: .seconds(2))
            _ = try await response.body.collect(upTo: 64 * 1024)
            return response.status == .ok
        } catch {
            return false
        }
    }

    /// Stops the worker for good; every caller returns once the worker process has exited.
    private func stop() async {
        if let stopping {
            return await stopping.value
        }
        state = .stopped
        let waiters = readyWaiters
        readyWaiters = []
        waiters.forEach { $0.resume() }
        let stopping = Task { await kill() }
        self.stopping = stopping
        await stopping.value
    }

    private func kill() async {
        guard let process else { return }
        self.process = nil
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + configuration.stopGracePeriod
        while process.isRunning, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        if process.isRunning {
            Foundation.kill(process.processIdentifier, SIGKILL)
            logger.warning("speech worker did not stop after SIGTERM; killed")
        }
        if state != .stopped {
            state = .starting
        }
    }

    private func forwardLog(_ lines: AsyncStream<String>) {
        let logger = logger
        Task {
            for await line in lines {
                logger.debug("speech worker", metadata: ["line": "\(line)"])
            }
        }
    }

    /// The port in a `listening on http://HOST:PORT` line.
    package static func announcedPort(in line: String) -> Int? {
        guard line.hasPrefix("listening on http://"), let colon = line.lastIndex(of: ":") else { return nil }
        return Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }

    /// The lines a file handle produces until end of file.
    ///
    /// A dedicated thread does blocking reads and holds the handle until end of file. (A `readabilityHandler` would
    /// let the handle close its descriptor when the stopped worker's `Process` and `Pipe` are released, while
    /// libdispatch still watches it; that crashed the server during shutdown now and then.)
    private static func lines(of handle: FileHandle) -> AsyncStream<String> {
        AsyncStream { continuation in
            let reader = Thread {
                var pending = LineBuffer()
                while let data = try? handle.read(upToCount: 64 * 1024), !data.isEmpty {
                    for line in pending.append(data) {
                        continuation.yield(line)
                    }
                }
                continuation.finish()
            }
            reader.name = "speech-worker-output"
            reader.start()
        }
    }
}

/// Splits a byte stream into lines.
private struct LineBuffer {
    private var bytes: [UInt8] = []

    mutating func append(_ data: Data) -> [String] {
        bytes.append(contentsOf: data)
        var lines: [String] = []
        while let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(String(decoding: bytes[..<newline], as: UTF8.self))
            bytes.removeSubrange(...newline)
        }
        return lines
    }
}
