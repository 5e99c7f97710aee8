package io.aiperf.telemetry.stats;

/**
 * One cumulative histogram bucket as Prometheus exposes it: the number of observations at most {@code upperBound}
 * (the {@code le} label; the last bucket's is +Inf).
 */
public record HistogramBucket(double upperBound, double cumulativeCount) {
}
