import Foundation
import Metrics
import RadScribeCore
import RadScribeReporting

/// Runs the report engine for the HTTP API and records how long it takes.
struct ReportStructuring: Sendable {
    let engine: ReportEngine
    let latency: Metrics.Timer

    init(engine: ReportEngine) {
        self.engine = engine
        self.latency = Metrics.Timer(label: "radscribe_report_generation_seconds", preferredDisplayUnit: .seconds)
    }

    /// Structures `input`.
    ///
    /// - Throws: ``Problem`` 422 when the engine rejects the text.
    func structure(_ input: DictationInput) throws -> StructuredReport {
        let start = ContinuousClock.now
        defer { latency.record(duration: ContinuousClock.now - start) }
        do {
            return try engine.structure(input.text, language: input.language, context: input.context)
        } catch {
            throw Problem.invalidInput("Dictation not structurable", error.description)
        }
    }
}
