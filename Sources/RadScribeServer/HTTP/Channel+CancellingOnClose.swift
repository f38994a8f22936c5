import NIOCore

extension Channel {
    /// Runs `work`, cancelling it when the client goes away first (see ``ClientDisconnectDetector``).
    ///
    /// The connection is looked at every `interval`: an `EventLoopFuture` wait could not be cancelled once `work`
    /// finishes, and would hold the response until the client disconnects.
    ///
    /// - Throws: `CancellationError` when the client went away before `work` finished, or what `work` throws.
    func cancellingOnClose<T: Sendable>(
        checkingEvery interval: Duration = .milliseconds(100),
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let detector = try? await pipeline.handler(type: ClientDisconnectDetector.self).get()
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await work() }
            group.addTask {
                while self.isActive, detector?.isClientGone != true {
                    try await Task.sleep(for: interval)
                }
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let result = first else {
                throw CancellationError()
            }
            return result
        }
    }
}
