/// The ``SpeechRecognizer`` of a ``VoskEngine``: one ``VoskStream`` and the task that keeps it connected.
final class VoskRecognizer: SpeechRecognizer {
    private let stream: VoskStream
    private let driver: Task<Void, Never>

    /// Wraps a stream whose first connection is open, and starts watching it.
    init(stream: VoskStream, firstConnection: VoskConnectionAttempt) {
        self.stream = stream
        driver = Task { await stream.drive(from: firstConnection) }
    }

    deinit {
        stream.stop()
        driver.cancel()
    }

    var events: AsyncStream<RecognitionEvent> { stream.events }

    func accept(_ samples: [Float]) async {
        await stream.accept(samples)
    }

    func finish() async {
        await stream.finish()
    }

    func cancel() async {
        stream.stop()
        driver.cancel()
    }
}
