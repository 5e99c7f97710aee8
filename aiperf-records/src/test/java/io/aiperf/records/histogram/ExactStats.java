package io.aiperf.records.histogram;

import io.aiperf.core.stats.LinearPercentile;

import java.util.Arrays;

/** Exact statistics on a sorted copy of every value, the reference the histogram's estimates are held to. */
final class ExactStats {

    private ExactStats() {
    }

    /** numpy.percentile(values, p) with the default method="linear", on every exact value. */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return LinearPercentile.of(sorted, p);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** numpy.std (population, ddof 0), two-pass. */
    static double std(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }
}
