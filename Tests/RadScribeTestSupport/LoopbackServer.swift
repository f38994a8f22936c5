import Hummingbird
import Logging

/// Why a loopback test server could not be started.
public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String { "the loopback test server did not report its port" }
}

/// Runs `router` on 127.0.0.1 with a port the system picks, for the duration of `body`, which gets the port.
///
/// For the fakes of what cannot exist in tests (LLM providers, an OpenAI-compatible transcription server): real HTTP
/// on a real socket, stopped when `body` returns or throws.
public func withLoopbackServer<T: Sendable>(
    router: Router<BasicRequestContext>,
    _ body: @Sendable (_ port: Int) async throws -> T
) async throws -> T {
    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router,
        configuration: .init(address: .hostname("127.0.0.1", port: 0)),
        onServerRunning: { channel in
            portSink.yield(channel.localAddress?.port ?? 0)
            portSink.finish()
        },
        logger: Logger(label: "loopback-test-server", factory: { _ in SwiftLogNoOpLogHandler() })
    )
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await app.run() }
        defer { group.cancelAll() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else { throw LoopbackServerError() }
        return try await body(port)
    }
}
