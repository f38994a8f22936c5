import Foundation
import Metrics
import RadScribeCore
import RadScribeLLM
import RadScribeReporting

/// Runs the report engine (and, for stored reports, the LLM rewrite when providers are configured) and records how
/// long it takes.
struct ReportStructuring: Sendable {
    let engine: ReportEngine
    let writer: LLMReportWriter?
    let latency: Metrics.Timer

    init(engine: ReportEngine, writer: LLMReportWriter? = nil) {
        self.engine = engine
        self.writer = writer
        self.latency = Metrics.Timer(label: "radscribe_report_generation_seconds", preferredDisplayUnit: .seconds)
    }

    /// Structures `input` and lets the configured LLM providers rewrite it, section by section, where their text
    /// passes the checks against the dictation; without providers the same as ``structure(_:)``.
    ///
    /// - Throws: ``Problem`` 422 when the engine rejects the text.
    func write(_ input: DictationInput) async throws -> StructuredReport {
        let report = try structure(input)
        guard let writer else { return report }
        return await writer.improve(report)
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
