import RadScribeCore
import RadScribeReporting

/// Time spent in the report engine during an evaluation.
public struct EngineTiming: Sendable, Hashable {
    /// Dictations structured.
    public internal(set) var reports = 0
    /// Dictations the engine refused with an error (scored as wrong).
    public internal(set) var failures = 0
    /// Time inside ``ReportEngine/structure(_:language:context:)``.
    public internal(set) var duration: Duration = .zero

    /// Dictations per second on one core, `nil` before the first.
    public var reportsPerSecond: Double? {
        let seconds = duration.seconds
        return seconds > 0 ? Double(reports) / seconds : nil
    }
}

/// Runs the engine and times every call.
struct EngineRunner {
    /// The engine under test.
    let engine: ReportEngine
    /// The time spent so far.
    private(set) var timing = EngineTiming()
    private let clock = ContinuousClock()

    /// Creates a runner.
    init(engine: ReportEngine) {
        self.engine = engine
    }

    /// The structured report of `text`, or `nil` when the engine throws.
    mutating func structure(_ text: String, language: Language) -> StructuredReport? {
        let start = clock.now
        let report = try? engine.structure(text, language: .fixed(language))
        timing.duration += clock.now - start
        timing.reports += 1
        if report == nil { timing.failures += 1 }
        return report
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
