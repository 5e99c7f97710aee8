package io.aiperf.records.histogram;

import java.util.Arrays;

/** The straightforward numpy computation, on a sorted copy of every value: the reference for the tests. */
final class ExactStats {

    private ExactStats() {
    }

    /** numpy.percentile(values, p) with the default method="linear". */
    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
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
