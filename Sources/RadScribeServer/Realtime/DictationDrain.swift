import ServiceLifecycle

/// At shutdown, gives running dictations a bounded time to decode and store the audio they already received, then
/// stops them, so SIGTERM ends the server promptly without dropping finals that were nearly done.
///
/// It is registered so that it shuts down after the HTTP server (no new audio) and before the speech worker.
struct DictationDrain: Service {
    let sessions: DictationSessionRegistry
    let gracePeriod: Duration

    func run() async throws {
        try? await gracefulShutdown()
        await sessions.drain(within: gracePeriod)
    }
}
