package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;

import java.util.Locale;
import java.util.Set;

/** Range checks shared by the resolvers; each failure is a {@link UsageException} naming the option. */
final class OptionChecks {

    private OptionChecks() {
    }

    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new UsageException(option + " must be at least " + min + " (got " + value + ")");
        }
        return value;
    }

    static long atLeast(String option, long value, long min) {
        if (value < min) {
            throw new UsageException(option + " must be at least " + min + " (got " + value + ")");
        }
        return value;
    }

    static Integer atLeastOrNull(String option, Integer value, int min) {
        return value == null ? null : atLeast(option, value, min);
    }

    static Long atLeastOrNull(String option, Long value, long min) {
        return value == null ? null : atLeast(option, value, min);
    }

    /** {@code value >= 0}; infinity is refused. */
    static void nonNegative(String option, double value) {
        finite(option, value);
        if (!(value >= 0)) {
            throw new UsageException(option + " must not be negative (got " + PythonFloat.repr(value) + ")");
        }
    }

    /** {@code value >= 0} or {@code inf}; null passes. */
    static Double nonNegativeOrInfinite(String option, Double value) {
        if (value != null && !(value >= 0)) {
            throw new UsageException(option + " must be 0 or more, or inf (got " + PythonFloat.repr(value) + ")");
        }
        return value;
    }

    /** {@code value > 0} and finite; null passes. */
    static Double positiveOrNull(String option, Double value) {
        if (value != null) {
            finite(option, value);
            if (!(value > 0)) {
                throw new UsageException(option + " must be greater than 0 (got " + PythonFloat.repr(value) + ")");
            }
        }
        return value;
    }

    private static void finite(String option, double value) {
        if (!Double.isFinite(value)) {
            throw new UsageException(option + " must be a finite number (got " + PythonFloat.repr(value) + ")");
        }
    }

    /**
     * An enum-like value as AIPerf accepts it: case-insensitive, {@code -} and {@code _} interchangeable.
     * Returns the canonical lower_snake spelling, or null for null.
     */
    static String choice(String option, String value, Set<String> allowed, String expected) {
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (!allowed.contains(v)) {
            throw new UsageException(option + " '" + value + "': expected " + expected);
        }
        return v;
    }
}
