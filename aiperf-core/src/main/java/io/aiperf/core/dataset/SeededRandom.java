package io.aiperf.core.dataset;

import java.util.random.RandomGenerator;

/**
 * A small, fully specified pseudo-random generator (SplitMix64) whose every method used by this project is
 * implemented here, so that the same seed gives the same numbers on every JDK version and platform
 * (the JDK's default {@code nextInt(bound)}/{@code nextGaussian()} implementations are not pinned across releases).
 *
 * <p>Not thread-safe: give each consumer its own instance (see {@link RandomStreams}).
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        return mix64(state);
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    /** Uniform in {@code [0, bound)}, unbiased (rejection on the top 31 bits). */
    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        int r = (int) (nextLong() >>> 33);
        int m = bound - 1;
        if ((bound & m) == 0) {
            return (int) ((bound * (long) r) >> 31);
        }
        for (int u = r; u - (r = u % bound) + m < 0; u = (int) (nextLong() >>> 33)) {
            // retry: u fell in the incomplete last block
        }
        return r;
    }

    @Override
    public int nextInt(int origin, int bound) {
        if (origin >= bound) {
            throw new IllegalArgumentException("origin must be below bound: " + origin + " >= " + bound);
        }
        long span = (long) bound - origin;
        if (span <= Integer.MAX_VALUE) {
            return origin + nextInt((int) span);
        }
        return (int) (origin + nextLong(span));
    }

    /** Uniform in {@code [0, bound)}, unbiased. */
    @Override
    public long nextLong(long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = bound - 1;
        long r = nextLong() >>> 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        for (long u = r; u - (r = u % bound) + m < 0; u = nextLong() >>> 1) {
            // retry
        }
        return r;
    }

    /** Uniform in {@code [0, 1)} with 53 random bits. */
    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    @Override
    public boolean nextBoolean() {
        return nextLong() < 0;
    }

    /**
     * Standard normal by the Box–Muller transform with {@link StrictMath} (bit-reproducible everywhere).
     * Consumes exactly two {@code long}s per call; keeps no cached second value.
     */
    @Override
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // (0, 1]: log is finite
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        return mean + stddev * nextGaussian();
    }
}
