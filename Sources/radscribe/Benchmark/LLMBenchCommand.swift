import ArgumentParser
import Foundation
import Logging
import RadScribeCore
import RadScribeLLM
import RadScribeReporting

/// `radscribe bench llm`: the LLM layer's own cost per report, without any provider's time.
///
/// Each built-in sample dictation, with a patient header line so that pseudonymisation has work to do, is structured
/// by the report engine once; then the whole LLM step runs again and again against a provider that answers at once
/// with the rule-based sections as its JSON: building the prompt, pseudonymising, the provider chain, parsing the
/// answer, restoring placeholders, the faithfulness check of every section and the merge. Target: under 2 ms median.
struct LLMBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "llm",
        abstract: "Measure the LLM layer's own overhead per report (no provider time)."
    )

    @Option(name: .long, help: "Timed runs per dictation.")
    var iterations: Int = 500

    @Option(name: .long, help: "Untimed warm-up runs per dictation.")
    var warmup: Int = 50

    func validate() throws {
        guard iterations > 0, warmup >= 0 else { throw ValidationError("--iterations must be positive and --warmup not negative") }
    }

    func run() async throws {
        let engine = ReportEngine()
        let prompt = try ReportPrompt.bundled()
        let quiet = Logger(label: "radscribe.bench.llm", factory: { _ in SwiftLogNoOpLogHandler() })
        print(
            "radscribe bench llm: prompt \(ReportPrompt.version), \(iterations) runs per dictation after \(warmup) warm-up runs, provider time excluded"
        )
        print(BenchTable.header + "   sections from the LLM")
        var allDurations: [Duration] = []
        var totalBytes = 0
        for sample in SampleDictations.all {
            let text = "Patient: Max Mustermann, geb. 01.02.1960, PID 7654321.\n" + sample.text
            totalBytes += text.utf8.count
            let report = try engine.structure(text, language: LanguageSelection(code: sample.language) ?? .auto)
            let provider = InstantProvider(answer: Self.echo(report))
            let writer = LLMReportWriter(
                chain: LLMProviderChain(members: [.init(provider: provider)], logger: quiet),
                prompt: prompt,
                logger: quiet
            )
            for _ in 0..<warmup {
                _ = await writer.improve(report)
            }
            var durations: [Duration] = []
            durations.reserveCapacity(iterations)
            var accepted = 0
            for _ in 0..<iterations {
                let start = ContinuousClock.now
                let improved = await writer.improve(report)
                durations.append(ContinuousClock.now - start)
                accepted = improved.rewrite?.sections.filter { $0.source == .llm }.count ?? 0
            }
            allDurations += durations
            print(BenchTable.row(sample.name, bytes: text.utf8.count, durations: durations) + String(format: "%24d", accepted))
        }
        print(BenchTable.row("all", bytes: totalBytes / SampleDictations.all.count, durations: allDurations))
    }

    /// The rule-based sections as the prompt's JSON answer.
    private static func echo(_ report: StructuredReport) -> String {
        var sections: [String: String] = [:]
        for kind in SectionKind.canonicalOrder {
            sections[kind.rawValue] = report.section(kind)?.text ?? ""
        }
        return String(decoding: (try? JSONEncoder().encode(sections)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

/// A provider inside the process that answers every request at once with the same text.
private struct InstantProvider: LLMProvider {
    let answer: String
    let descriptor = LLMProviderDescriptor(name: "instant", model: "echo", isOnPremise: false)

    func complete(_ request: LLMRequest, timeout: Duration) async throws(LLMProviderError) -> LLMCompletion {
        LLMCompletion(text: answer, model: "echo", finish: .complete)
    }
}
