package io.aiperf.core.dataset;

import java.util.random.RandomGenerator;

/**
 * Draws from a normal distribution truncated to positive values, as AIPerf's
 * {@code sample_positive_normal}/{@code sample_positive_normal_integer} do.
 */
public final class PositiveNormal {

    /** Rejection draws before giving up on a distribution with (almost) no mass above zero. */
    static final int MAX_REJECTIONS = 10_000;

    private PositiveNormal() {
    }

    /**
     * A value from N(mean, stddev²) conditioned on {@code > 0} (by rejection). With {@code stddev <= 0} returns
     * {@code mean} and draws nothing.
     *
     * @throws IllegalArgumentException if {@code mean} is negative or not finite
     */
    public static double sample(RandomGenerator rng, double mean, double stddev) {
        checkMean(mean);
        if (!(stddev > 0)) {
            return mean;
        }
        for (int i = 0; i < MAX_REJECTIONS; i++) {
            double x = mean + stddev * rng.nextGaussian();
            if (x > 0) {
                return x;
            }
        }
        return Double.MIN_VALUE; // practically unreachable for mean >= 0: P(x <= 0) <= 1/2 per draw
    }

    /**
     * An integer length: with {@code stddev <= 0}, {@code max(1, round(mean))} (round half to even, as Python's
     * {@code round}) without drawing; otherwise {@code max(1, ceil(sample(mean, stddev)))}. Never below 1.
     */
    public static int sampleInteger(RandomGenerator rng, double mean, double stddev) {
        checkMean(mean);
        double v = !(stddev > 0) ? Math.rint(mean) : Math.ceil(sample(rng, mean, stddev));
        if (v >= Integer.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        return Math.max(1, (int) v);
    }

    private static void checkMean(double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be a finite non-negative number: " + mean);
        }
    }
}
