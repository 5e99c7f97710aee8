package io.aiperf.records.runs;

/**
 * Which way is better for a metric: throughputs grow when a server gets faster, latencies shrink. A speed-up is
 * then always above 1 for an improvement, whichever the metric.
 */
final class MetricDirection {

    private MetricDirection() {
    }

    static boolean largerIsBetter(String tag) {
        return tag.contains("throughput");
    }

    /** baseline/value for a latency, value/baseline for a throughput; null when the divisor is 0 or one is missing. */
    static Double speedup(String tag, Double baseline, Double value) {
        if (baseline == null || value == null) {
            return null;
        }
        double num = largerIsBetter(tag) ? value : baseline;
        double den = largerIsBetter(tag) ? baseline : value;
        return den == 0 ? null : num / den;
    }

    /** (value - baseline) / baseline in percent; null when the baseline is 0 or one is missing. */
    static Double deltaPct(Double baseline, Double value) {
        if (baseline == null || value == null || baseline == 0) {
            return null;
        }
        return (value - baseline) / baseline * 100;
    }
}
