package io.aiperf.telemetry.gpu;

import io.aiperf.telemetry.scrape.WindowStats;

import java.util.Arrays;

/**
 * One GPU field's running statistics for the dashboard: the latest value, and count, mean, min, max and population
 * std of every point since {@link #reset} (Welford's update, so nothing grows with the run), with the percentiles
 * taken from the last {@link #RECENT} points only: sorting the whole run once a second per series would cost more
 * the longer the run, and the dashboard is a view of now, not the report (the final GPU tables use every point of
 * the window). Scrape thread only.
 */
final class LiveSeries {

    /** 900 points: the last five minutes at the scrape interval of 333 ms. */
    static final int RECENT = 900;

    private final double[] recent = new double[RECENT];
    private int recentSize;
    private int recentNext;
    private long count;
    private double current;
    private double mean;
    private double squares;
    private double min;
    private double max;

    void add(double value) {
        current = value;
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
        min = count == 1 ? value : Math.min(min, value);
        max = count == 1 ? value : Math.max(max, value);
        recent[recentNext] = value;
        recentNext = (recentNext + 1) % RECENT;
        recentSize = Math.min(RECENT, recentSize + 1);
    }

    /** Forgets every point: the statistics start again (at the profiling start). */
    void reset() {
        count = 0;
        mean = 0;
        squares = 0;
        recentSize = 0;
        recentNext = 0;
    }

    long count() {
        return count;
    }

    double current() {
        return current;
    }

    double mean() {
        return mean;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    double std() {
        return count == 0 ? Double.NaN : Math.sqrt(squares / count);
    }

    /** The recent points sorted, for {@link #percentile}; allocates one array. */
    double[] recentSorted() {
        double[] sorted = Arrays.copyOf(recent, recentSize);
        Arrays.sort(sorted);
        return sorted;
    }

    /** {@code sorted}'s {@code p}-th percentile as the final GPU tables compute it; NaN when empty. */
    static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : WindowStats.percentile(sorted, p);
    }
}
