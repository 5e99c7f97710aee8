package io.aiperf.core.stats;

import java.util.function.LongToDoubleFunction;

/**
 * numpy's default percentile ({@code numpy.percentile(values, p)}, {@code method="linear"}): of {@code n} values
 * the rank of percentile {@code p} is {@code r = p/100·(n−1)}, and the result interpolates linearly between the
 * order statistics at {@code floor(r)} and {@code ceil(r)}. So p0 is the minimum, p100 the maximum, and the p50 of
 * an even count is the mean of the two middle values.
 *
 * <p>The order statistics come from a sorted array or from any lookup by 0-based rank (a histogram that only
 * estimates them, for instance); the lookup is asked once when the rank is whole, twice otherwise.
 */
public final class LinearPercentile {

    private LinearPercentile() {
    }

    /** Percentile {@code p} ({@code 0 ≤ p ≤ 100}) of {@code sorted}, ascending and not empty. */
    public static double of(double[] sorted, double p) {
        return of(sorted.length, p, k -> sorted[(int) k]);
    }

    /** Percentile {@code p} ({@code 0 ≤ p ≤ 100}) of {@code sorted}, ascending and not empty. */
    public static double of(long[] sorted, double p) {
        return of(sorted.length, p, k -> sorted[(int) k]);
    }

    /**
     * Percentile {@code p} ({@code 0 ≤ p ≤ 100}) of {@code count} values whose {@code k}-th smallest (0-based) is
     * {@code valueAt.applyAsDouble(k)}.
     */
    public static double of(long count, double p, LongToDoubleFunction valueAt) {
        if (!(p >= 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile out of range: " + p);
        }
        if (count < 1) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        double rank = p / 100.0 * (count - 1);
        long lo = (long) Math.floor(rank);
        long hi = (long) Math.ceil(rank);
        double vLo = valueAt.applyAsDouble(lo);
        if (hi == lo) {
            return vLo;
        }
        double vHi = valueAt.applyAsDouble(hi);
        return vLo + (vHi - vLo) * (rank - lo);
    }
}
