/// One attempt to open a WebSocket to the Vosk server, running in its own task.
///
/// NIO's connect and the HTTP upgrade do not react to task cancellation, so a hung attempt cannot be awaited with a
/// timeout in a task group. The attempt reports through `signals` instead: `.connected` once the configuration is
/// sent, `.failed` when it could not connect, and the stream finishes when the connection is over.
struct VoskConnectionAttempt: Sendable {
    /// What the attempt reports.
    enum Signal: Sendable {
        /// The WebSocket is open and the configuration sent.
        case connected
        /// The attempt failed, or the connection ended with an error.
        case failed(SpeechEngineError)
    }

    /// The attempt's number; see ``VoskStreamState/beginAttempt()``.
    let generation: Int
    /// The task that runs the connection.
    let task: Task<Void, Never>
    /// The attempt's reports.
    let signals: AsyncStream<Signal>

    /// Waits until the attempt has connected, failed, or run out of time.
    func waitUntilConnected(within timeout: Duration) async -> Result<Void, SpeechEngineError> {
        await withTaskGroup(of: Result<Void, SpeechEngineError>.self) { group in
            group.addTask {
                for await signal in signals {
                    switch signal {
                    case .connected: return .success(())
                    case .failed(let error): return .failure(error)
                    }
                }
                return .failure(SpeechEngineError(.unavailable, "the Vosk connection closed while opening"))
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .failure(SpeechEngineError(.unavailable, "the Vosk server did not answer within the connect timeout"))
            }
            let first = await group.next() ?? .failure(SpeechEngineError(.unavailable, "the Vosk connection attempt was cancelled"))
            group.cancelAll()
            return first
        }
    }

    /// Waits until the connection is over (or the waiting task is cancelled).
    func waitUntilEnded() async {
        for await _ in signals {}
    }
}
