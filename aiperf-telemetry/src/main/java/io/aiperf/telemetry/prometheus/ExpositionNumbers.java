package io.aiperf.telemetry.prometheus;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/** Sample values and timestamps as the two formats write them. */
final class ExpositionNumbers {

    // Decimal only: Double.parseDouble would also take hex ("0x1p3"), "1d"/"1f" suffixes and leading or trailing
    // blanks, none of which the formats allow.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private ExpositionNumbers() {
    }

    /** A sample value: a decimal float, or NaN, +Inf, -Inf, Inf (any case, as Prometheus reads them). */
    static double value(String text) throws MalformedLineException {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "+inf", "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new MalformedLineException("value is not a number: '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    /**
     * A timestamp in milliseconds since the epoch: 0.0.4 writes integer milliseconds, OpenMetrics seconds with an
     * optional fraction (converted exactly, then rounded to the nearest millisecond).
     */
    static long timestampMs(String text, boolean openMetrics) throws MalformedLineException {
        if (!openMetrics) {
            if (!INTEGER.matcher(text).matches()) {
                throw new MalformedLineException("timestamp is not integer milliseconds: '" + text + "'");
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException tooLong) {
                throw new MalformedLineException("timestamp out of range: '" + text + "'");
            }
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new MalformedLineException("timestamp is not a number of seconds: '" + text + "'");
        }
        BigDecimal seconds = new BigDecimal(text);
        // bounded before any scaling, so that "1e999999999" or "1e-999999999" cannot cost time or memory
        if (seconds.precision() - seconds.scale() > 16 || seconds.scale() > 18) {
            throw new MalformedLineException("timestamp out of range: '" + text + "'");
        }
        try {
            return seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException outOfRange) {
            throw new MalformedLineException("timestamp out of range: '" + text + "'");
        }
    }
}
