package io.aiperf.records.aggregate;

import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricSpec;

import java.util.List;
import java.util.Optional;

/**
 * The results of a profiling phase, immutable: every export and the console table are rendered from one of these,
 * so they always agree.
 *
 * @param metrics            results in catalogue order, display units
 * @param errors             failures grouped by (code, type, message), most frequent first
 * @param requestCount       valid profiling requests
 * @param errorRequestCount  failed profiling requests
 * @param minRequestEpochNs  wall-clock start of the earliest valid request, or null when there was none
 * @param maxResponseEpochNs wall-clock time of the latest valid request's last content response, or null
 * @param warnings           one-line, plain-text findings that make some numbers misleading (AIPerf's usage
 *                           discrepancy and OSL mismatch panels, and our send-lag warning), in the order found; the
 *                           JSON export (ours), the console report and the log show them as they are
 */
public record ProfileSummary(
        List<MetricResult> metrics,
        List<ErrorSummaryEntry> errors,
        long requestCount,
        long errorRequestCount,
        Long minRequestEpochNs,
        Long maxResponseEpochNs,
        List<String> warnings) {

    public ProfileSummary {
        metrics = List.copyOf(metrics);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public Optional<MetricResult> metric(String tag) {
        for (MetricResult result : metrics) {
            if (result.tag().equals(tag)) {
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    public Optional<MetricResult> metric(MetricSpec spec) {
        return metric(spec.tag());
    }

    /** The benchmark duration in seconds, when there was at least one valid request. */
    public Optional<Double> benchmarkDurationSeconds() {
        return metric(MetricCatalog.BENCHMARK_DURATION).map(MetricResult::avg);
    }
}
