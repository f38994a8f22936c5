import CoreMetrics
import Metrics

/// Metrics of the dictation protocols (served on `/metrics`).
struct RealtimeMetrics: Sendable {
    /// Final segments stored and sent.
    let finals = Counter(label: "radscribe_transcript_finals_total")
    /// Time from the end of speech to sending its final.
    let finalLatency = Metrics.Timer(label: "radscribe_final_latency_seconds", preferredDisplayUnit: .seconds)
    /// Seconds of audio received.
    let audioSeconds = FloatingPointCounter(label: "radscribe_audio_seconds_total")
    /// Dictation sockets open now.
    let openSockets = Meter(label: "radscribe_dictation_sockets")
    /// Error events sent, by code.
    func errors(_ code: String) -> Counter { Counter(label: "radscribe_dictation_errors_total", dimensions: [("code", code)]) }
}
