package io.aiperf.records.runs;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * One metric statistic over the runs of a multi-run plan, as AIPerf's confidence aggregation defines it: the
 * sample standard deviation (n - 1), the coefficient of variation as a ratio, the standard error and a two-sided
 * Student-t confidence interval around the mean. With one value there is no spread to estimate: std, cv and se are
 * 0, the interval is the mean itself and the t quantile is NaN.
 *
 * @param cv        std / mean; +Inf when the mean is 0 and the std is not (NaN when both are)
 * @param tCritical the t quantile at 1 - (1 - level) / 2 with n - 1 degrees of freedom
 */
public record ConfidenceStats(int n, double mean, double std, double min, double max, double cv, double se,
                              double ciLow, double ciHigh, double tCritical) {

    /** @param values at least one finite value per run; {@code level} in (0, 1) */
    public static ConfidenceStats of(double[] values, double level) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        int n = values.length;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / n;
        if (n == 1) {
            return new ConfidenceStats(1, mean, 0, min, max, 0, 0, mean, mean, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / (n - 1));
        double cv = mean == 0 ? (std == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : std / mean;
        double se = std / Math.sqrt(n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceStats(n, mean, std, min, max, cv, se, mean - t * se, mean + t * se, t);
    }
}
