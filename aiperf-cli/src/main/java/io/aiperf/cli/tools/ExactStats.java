package io.aiperf.cli.tools;

import io.aiperf.core.stats.LinearPercentile;

import java.util.Arrays;

/**
 * Exact statistics of whole numbers (token counts): every value is kept, so percentiles are numpy's default linear
 * interpolation over the sorted values and the standard deviation is the population one (ddof 0). A trace of
 * millions of rows costs 8 bytes a row.
 */
final class ExactStats {

    private long[] values = new long[1024];
    private int count;

    void add(long value) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = value;
    }

    int count() {
        return count;
    }

    /** The summary; every statistic is NaN when no value was added. */
    Summary summarize() {
        if (count == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        double mean = 0;
        double m2 = 0;
        for (int i = 0; i < count; i++) {
            double delta = sorted[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (sorted[i] - mean);
        }
        return new Summary(count, mean, sorted[0], sorted[count - 1], LinearPercentile.of(sorted, 50),
                LinearPercentile.of(sorted, 90), LinearPercentile.of(sorted, 99), Math.sqrt(m2 / count));
    }

    /** The statistics the trace tools report. */
    record Summary(int count, double avg, double min, double max, double p50, double p90, double p99, double std) {
    }
}
