package io.aiperf.records.runs;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test on two means: is the difference larger than the two samples' noise explains?
 * Works from summary statistics, so it serves both per-run values and one run's per-request mean and std.
 */
final class WelchTest {

    private WelchTest() {
    }

    /**
     * The two-sided p-value of {@code mean1 == mean2}, or NaN when a side has fewer than 2 values. With no
     * variance on either side there is no noise: equal means give 1, different means 0.
     */
    static double pValue(double mean1, double variance1, long n1, double mean2, double variance2, long n2) {
        if (n1 < 2 || n2 < 2) {
            return Double.NaN;
        }
        double a = variance1 / n1;
        double b = variance2 / n2;
        if (a + b == 0) {
            return mean1 == mean2 ? 1 : 0;
        }
        double t = (mean1 - mean2) / Math.sqrt(a + b);
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    /** The two-sided p-value for two samples of values (sample variances, n - 1). */
    static double pValue(double[] x, double[] y) {
        return pValue(mean(x), variance(x), x.length, mean(y), variance(y), y.length);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return v.length == 0 ? Double.NaN : s / v.length;
    }

    private static double variance(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double s = 0;
        for (double d : v) {
            s += (d - m) * (d - m);
        }
        return s / (v.length - 1);
    }
}
