package io.aiperf.telemetry.scrape;

import io.aiperf.telemetry.stats.CounterDelta;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Statistics of a {@link TimeSeries} over the profiling window, as AIPerf reports telemetry: a gauge's avg, p1 … p99
 * (linear interpolation between the closest ranks), min, max and population std of the points inside the window; a
 * counter's increase from the last point before the window to the last point in it, a drop counted as a reset
 * (the exporter restarted: the increase goes on from zero), so it is never negative.
 */
public final class WindowStats {

    /** AIPerf's statistic names, in its JSON order. */
    public static final String[] PERCENTILES = {"p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99"};
    private static final double[] RANKS = {1, 5, 10, 25, 50, 75, 90, 95, 99};

    private WindowStats() {
    }

    /**
     * A gauge's statistics over [{@code startEpochNs}, {@code endEpochNs}] after {@code scale}, or null when no point
     * falls inside.
     */
    public static Map<String, Double> gauge(TimeSeries s, long startEpochNs, long endEpochNs, double scale) {
        int from = s.firstAtOrAfter(startEpochNs);
        int to = s.endAtOrBefore(endEpochNs);
        int n = to - from;
        if (n <= 0) {
            return null;
        }
        double[] v = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            v[i] = s.value(from + i) * scale;
            sum += v[i];
        }
        double mean = sum / n;
        double squares = 0;
        for (double x : v) {
            squares += (x - mean) * (x - mean);
        }
        Arrays.sort(v);
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("avg", mean);
        for (int i = 0; i < PERCENTILES.length; i++) {
            stats.put(PERCENTILES[i], percentile(v, RANKS[i]));
        }
        stats.put("min", v[0]);
        stats.put("max", v[n - 1]);
        stats.put("std", Math.sqrt(squares / n));
        return stats;
    }

    /** {@code sorted}'s {@code p}-th percentile, interpolating linearly between the closest ranks. */
    public static double percentile(double[] sorted, double p) {
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /**
     * A counter's increase over the window: from the last point before {@code startEpochNs} (the first point inside
     * when there is none before) to the last point at or before {@code endEpochNs}; null with fewer than one point.
     */
    public static Double increase(TimeSeries s, long startEpochNs, long endEpochNs) {
        return increase(s, startEpochNs, endEpochNs, false);
    }

    /**
     * @param bornInWindow the series did not exist at the endpoint's scrapes before the window (a label set the
     *                     server created during the run): it started at 0, so its first value counts too
     */
    public static Double increase(TimeSeries s, long startEpochNs, long endEpochNs, boolean bornInWindow) {
        int first = s.firstAtOrAfter(startEpochNs);
        int base = first > 0 ? first - 1 : first;
        int end = s.endAtOrBefore(endEpochNs);
        if (base >= end) {
            return null;
        }
        double[] values = s.values(base, end);
        if (bornInWindow && first == 0) {
            double[] fromZero = new double[values.length + 1];
            System.arraycopy(values, 0, fromZero, 1, values.length);
            values = fromZero;
        }
        return CounterDelta.increase(values);
    }

    /** The last value at or before {@code atEpochNs}, or null. */
    public static Double valueAt(TimeSeries s, long atEpochNs) {
        int end = s.endAtOrBefore(atEpochNs);
        return end == 0 ? null : s.value(end - 1);
    }
}
