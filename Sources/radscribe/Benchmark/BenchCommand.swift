import ArgumentParser
import Foundation
import RadScribeCore
import RadScribeReporting

/// `radscribe bench`: the benchmarks; `structure` (the default), `speech` and `llm`.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the report engine or the real-time speech path.",
        subcommands: [StructureBenchCommand.self, SpeechBenchCommand.self, LLMBenchCommand.self],
        defaultSubcommand: StructureBenchCommand.self
    )
}

/// `radscribe bench structure`: measures the report engine on typical dictations and prints median latency and throughput.
///
/// Runs on one thread (one core), after a warm-up, over the built-in sample dictations or the files given. Quote the
/// median: the machine is shared and noisy.
struct StructureBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "structure",
        abstract: "Measure the report engine's latency and throughput on one core."
    )

    @Option(name: .long, help: "Timed runs per dictation.")
    var iterations: Int = 2000

    @Option(name: .long, help: "Untimed warm-up runs per dictation.")
    var warmup: Int = 200

    @Argument(help: "Dictation files to measure (default: the built-in samples).")
    var files: [String] = []

    func validate() throws {
        guard iterations > 0, warmup >= 0 else { throw ValidationError("--iterations must be positive and --warmup not negative") }
    }

    func run() throws {
        let engine = ReportEngine()
        let samples = try loadSamples()
        print("radscribe bench: report engine \(ReportEngine.version), \(iterations) runs per dictation after \(warmup) warm-up runs, one thread")
        print(BenchTable.header)
        var allDurations: [Duration] = []
        for sample in samples {
            let language = LanguageSelection(code: sample.language) ?? .auto
            for _ in 0..<warmup {
                _ = try engine.structure(sample.text, language: language)
            }
            var durations: [Duration] = []
            durations.reserveCapacity(iterations)
            let clock = ContinuousClock()
            for _ in 0..<iterations {
                let start = clock.now
                _ = try engine.structure(sample.text, language: language)
                durations.append(clock.now - start)
            }
            allDurations += durations
            print(BenchTable.row(sample.name, bytes: sample.text.utf8.count, durations: durations))
        }
        print(BenchTable.row("all", bytes: samples.map(\.text.utf8.count).reduce(0, +) / max(samples.count, 1), durations: allDurations))
    }

    private func loadSamples() throws -> [SampleDictations.Sample] {
        guard !files.isEmpty else { return SampleDictations.all }
        return try files.map { path in
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read \(path) as UTF-8 text")
            }
            return SampleDictations.Sample(name: (path as NSString).lastPathComponent, language: "auto", text: text)
        }
    }
}

/// One line of a benchmark table: median, p90, p99 and the rate the median gives.
enum BenchTable {
    /// The header matching ``row(_:bytes:durations:)``.
    static let header = "dictation".padding(toLength: 30, withPad: " ", startingAt: 0) + "   bytes   median µs      p90 µs      p99 µs    reports/s"

    /// A row for `durations` of a dictation of `bytes` bytes.
    static func row(_ name: String, bytes: Int, durations: [Duration]) -> String {
        let sorted = durations.sorted()
        func microseconds(_ quantile: Double) -> Double {
            let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * quantile).rounded()))
            return Double(sorted[index] / .nanoseconds(1)) / 1000
        }
        let median = microseconds(0.5)
        let columns = [
            String(format: "%8d", bytes),
            String(format: "%12.1f", median),
            String(format: "%12.1f", microseconds(0.9)),
            String(format: "%12.1f", microseconds(0.99)),
            String(format: "%12.0f", 1_000_000 / median),
        ]
        return name.padding(toLength: 30, withPad: " ", startingAt: 0) + columns.joined()
    }
}
