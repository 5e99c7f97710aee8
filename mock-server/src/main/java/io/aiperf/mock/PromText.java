package io.aiperf.mock;

/**
 * Builds Prometheus text exposition (format 0.0.4): {@code # HELP} and {@code # TYPE} lines, then samples
 * {@code name{labels} value}. Only for scrape answers, which are rare next to token writes, so a plain
 * {@link StringBuilder} per scrape is fine.
 */
final class PromText {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder text = new StringBuilder(4096);

    /** Starts a family: its help text and its type ({@code gauge}, {@code counter}, {@code histogram}). */
    PromText family(String name, String type, String help) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /**
     * One sample. {@code labels} is the label list without braces (may be empty); {@code extra} one more label such
     * as {@code le="0.1"}, or null.
     */
    PromText sample(String name, String labels, String extra, double value) {
        text.append(name);
        boolean hasLabels = labels != null && !labels.isEmpty();
        if (hasLabels || extra != null) {
            text.append('{');
            if (hasLabels) {
                text.append(labels);
            }
            if (extra != null) {
                text.append(hasLabels ? "," : "").append(extra);
            }
            text.append('}');
        }
        text.append(' ').append(number(value)).append('\n');
        return this;
    }

    /** A label value with quotes, backslashes and newlines escaped as the format requires. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }

    /** Whole numbers without a fraction, others in Java's shortest round-trip form. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
