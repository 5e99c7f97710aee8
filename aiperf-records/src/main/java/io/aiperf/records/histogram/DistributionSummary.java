package io.aiperf.records.histogram;

/**
 * A distribution's statistics, in the unit the values were recorded in. Every field is NaN when {@code count} is 0.
 * Percentiles are numpy-style linear interpolations (see {@link Distribution} for their precision).
 */
public record DistributionSummary(
        long count,
        double sum,
        double avg,
        double min,
        double max,
        double std,
        double p1,
        double p5,
        double p10,
        double p25,
        double p50,
        double p75,
        double p90,
        double p95,
        double p99) {
}
