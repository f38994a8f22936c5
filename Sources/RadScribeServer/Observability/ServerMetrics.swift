import Prometheus

/// The Prometheus setup of the server: which histograms get which buckets.
public enum ServerMetrics {
    /// Creates the metrics factory that serves `registry`, with buckets fitted to RadScribe's latencies.
    ///
    /// The executable bootstraps `MetricsSystem` with it once; tests use it with `withMetricsFactory`.
    public static func makeFactory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets["radscribe_report_generation_seconds"] = [
            .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(50),
        ]
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
            .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5),
        ]
        return factory
    }
}
