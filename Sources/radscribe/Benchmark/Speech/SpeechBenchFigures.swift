import Foundation

/// The benchmark's figures for a group of dictations (one language, or all).
struct SpeechBenchFigures: Sendable, Equatable, Codable {
    var group: String
    var dictations: Int
    var sentences: Int
    var finals: Int
    var endedSentences: Int
    var cutFinals: Int
    var silenceFinals: Int
    var incompleteSessions: Int
    var errors: Int
    var latencyP50Ms: Double?
    var latencyP95Ms: Double?
    var serverLatencyP50Ms: Double?
    var serverLatencyP95Ms: Double?
    var decodeP50Ms: Double?
    var decodeP95Ms: Double?
    var waitP50Ms: Double?
    var waitP95Ms: Double?
    var processingP50Ms: Double?
    var processingP95Ms: Double?
    var realTimeFactorMedian: Double?
    var overheadP95Ms: Double?
    var serverOverheadP95Ms: Double?
    var partialIntervalMedianMs: Double?
    var wordErrorRatePercent: Double?
    var termRecallPercent: Double?

    /// Pools the measurements of `results` and takes their order statistics.
    init(group: String, results: [DictationResult]) {
        func pooled(_ values: KeyPath<DictationResult, [Double]>) -> Quantiles { Quantiles(results.flatMap { $0[keyPath: values] }) }
        func count(_ value: KeyPath<DictationResult, Int>) -> Int { results.map { $0[keyPath: value] }.reduce(0, +) }
        self.group = group
        dictations = results.count
        sentences = count(\.sentences)
        finals = count(\.finals)
        endedSentences = count(\.endedSentences)
        cutFinals = count(\.cutFinals)
        silenceFinals = count(\.silenceFinals)
        incompleteSessions = results.filter { $0.outcome != .stopped }.count
        errors = results.map(\.errorTypes.count).reduce(0, +)
        let latencies = pooled(\.latenciesMs)
        latencyP50Ms = latencies.median
        latencyP95Ms = latencies.p95
        let serverLatencies = pooled(\.serverLatenciesMs)
        serverLatencyP50Ms = serverLatencies.median
        serverLatencyP95Ms = serverLatencies.p95
        let decodes = pooled(\.decodeMs)
        decodeP50Ms = decodes.median
        decodeP95Ms = decodes.p95
        let waits = pooled(\.waitsMs)
        waitP50Ms = waits.median
        waitP95Ms = waits.p95
        let processing = pooled(\.processingMs)
        processingP50Ms = processing.median
        processingP95Ms = processing.p95
        realTimeFactorMedian = pooled(\.realTimeFactors).median
        overheadP95Ms = pooled(\.overheadsMs).p95
        serverOverheadP95Ms = pooled(\.serverOverheadsMs).p95
        partialIntervalMedianMs = pooled(\.partialIntervalsMs).median
        wordErrorRatePercent = results.map(\.wordErrors).reduce(WordErrorCount(), +).rate.map { $0 * 100 }
        let expected = count(\.termsExpected)
        termRecallPercent = expected == 0 ? nil : Double(count(\.termsFound)) * 100 / Double(expected)
    }
}

/// Prints figures as a table: one row per measure, one column per group.
enum SpeechBenchTable {
    /// The rows of the table for `columns`.
    static func render(_ columns: [SpeechBenchFigures]) -> String {
        let rows: [(String, (SpeechBenchFigures) -> String)] = [
            ("dictations", { "\($0.dictations)" }),
            ("utterances (sentences spoken)", { "\($0.sentences)" }),
            ("finals", { "\($0.finals)" }),
            ("sentences with a final after their speech", { "\($0.endedSentences)" }),
            ("finals cut inside a sentence", { "\($0.cutFinals)" }),
            ("finals before any speech", { "\($0.silenceFinals)" }),
            ("sessions without transcription_stopped", { "\($0.incompleteSessions)" }),
            ("error events", { "\($0.errors)" }),
            ("final latency p50 (ms)", { format($0.latencyP50Ms, digits: 0) }),
            ("final latency p95 (ms)", { format($0.latencyP95Ms, digits: 0) }),
            ("server latencyMs p50 (ms)", { format($0.serverLatencyP50Ms, digits: 0) }),
            ("server latencyMs p95 (ms)", { format($0.serverLatencyP95Ms, digits: 0) }),
            ("engine decodeMs p50 (ms)", { format($0.decodeP50Ms, digits: 0) }),
            ("engine decodeMs p95 (ms)", { format($0.decodeP95Ms, digits: 0) }),
            ("waitMs p50: silence onset → decode sent (ms)", { format($0.waitP50Ms, digits: 0) }),
            ("waitMs p95 (ms)", { format($0.waitP95Ms, digits: 0) }),
            ("server processing after the decode p50 (ms)", { format($0.processingP50Ms, digits: 0) }),
            ("server processing after the decode p95 (ms)", { format($0.processingP95Ms, digits: 0) }),
            ("engine real-time factor, median", { format($0.realTimeFactorMedian, digits: 3) }),
            ("overhead p95: latency − decodeMs (ms)", { format($0.overheadP95Ms, digits: 0) }),
            ("server overhead p95: latencyMs − decodeMs (ms)", { format($0.serverOverheadP95Ms, digits: 0) }),
            ("partial interval median (ms)", { format($0.partialIntervalMedianMs, digits: 0) }),
            ("word error rate (%)", { format($0.wordErrorRatePercent, digits: 1) }),
            ("medical-term recall (%)", { format($0.termRecallPercent, digits: 1) }),
        ]
        let labelWidth = rows.map(\.0.count).max() ?? 0
        let header = pad("", to: labelWidth) + columns.map { leftPad($0.group, to: 10) }.joined()
        let lines = rows.map { label, value in pad(label, to: labelWidth) + columns.map { leftPad(value($0), to: 10) }.joined() }
        return ([header] + lines).joined(separator: "\n")
    }

    /// `value` with `digits` decimals, or "n/a".
    static func format(_ value: Double?, digits: Int) -> String {
        guard let value else { return "n/a" }
        return String(format: "%.\(digits)f", value)
    }

    private static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func leftPad(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
