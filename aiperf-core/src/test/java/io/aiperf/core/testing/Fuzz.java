package io.aiperf.core.testing;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random tries for the fuzz tests: each try draws its input from its own {@link Random}, so a failure names
 * the one seed that replays it. On a failure the input is shrunk greedily (a candidate from {@code smaller} that
 * still fails replaces it) before it is reported, so the report shows a short input rather than the first one found.
 *
 * <p>{@code -Daiperf.fuzz.tries=N} runs every property N times instead of its own modest default, {@code
 * -Daiperf.fuzz.seed=S} replays a reported run. docs/reliability.md says why this is not a property-testing library.
 */
public final class Fuzz {

    static final String TRIES_PROPERTY = "aiperf.fuzz.tries";
    static final String SEED_PROPERTY = "aiperf.fuzz.seed";
    private static final int MAX_SHRINK_STEPS = 500;

    /** One property's check of one input: throws (an AssertionError or anything else) when the property fails. */
    @FunctionalInterface
    public interface Check<T> {
        void accept(T input) throws Exception;
    }

    private Fuzz() {
    }

    /**
     * Runs {@code check} on {@code defaultTries} inputs drawn by {@code generate} (or {@code -Daiperf.fuzz.tries}).
     *
     * @param smaller candidate simplifications of a failing input, most aggressive first (may be empty)
     */
    public static <T> void forAll(int defaultTries, Function<Random, T> generate, Function<T, List<T>> smaller,
                           Check<T> check) {
        int tries = Integer.getInteger(TRIES_PROPERTY, defaultTries);
        String fixed = System.getProperty(SEED_PROPERTY);
        long seed = fixed != null && !fixed.isBlank() ? Long.parseLong(fixed.strip()) : new Random().nextLong();
        for (int i = 0; i < tries; i++) {
            T input = generate.apply(new Random(seed + i * 0x9E3779B97F4A7C15L));
            Throwable failure = failureOf(check, input);
            if (failure != null) {
                T shrunk = shrink(input, smaller, check);
                Throwable shrunkFailure = failureOf(check, shrunk);
                if (shrunkFailure == null) {
                    // it did not fail a second time: the code under test is not deterministic, itself a finding
                    shrunk = input;
                    shrunkFailure = failure;
                }
                AssertionError report = new AssertionError("fuzz property failed on try " + i + " of " + tries
                        + " (replay: -D" + SEED_PROPERTY + "=" + seed + ")\nshrunk input: " + shrunk
                        + "\nfailure: " + shrunkFailure, shrunkFailure);
                if (shrunkFailure != failure) {
                    report.addSuppressed(failure);
                }
                throw report;
            }
        }
    }

    /** {@link #forAll} for inputs with no useful simplification. */
    public static <T> void forAll(int defaultTries, Function<Random, T> generate, Check<T> check) {
        forAll(defaultTries, generate, input -> List.of(), check);
    }

    private static <T> T shrink(T input, Function<T, List<T>> smaller, Check<T> check) {
        T current = input;
        int steps = 0;
        boolean progress = true;
        while (progress && steps < MAX_SHRINK_STEPS) {
            progress = false;
            for (T candidate : smaller.apply(current)) {
                steps++;
                if (failureOf(check, candidate) != null) {
                    current = candidate;
                    progress = true;
                    break;
                }
                if (steps >= MAX_SHRINK_STEPS) {
                    break;
                }
            }
        }
        return current;
    }

    private static <T> Throwable failureOf(Check<T> check, T input) {
        try {
            check.accept(input);
            return null;
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError vm && !(t instanceof StackOverflowError)) {
                throw vm;
            }
            return t;
        }
    }
}
