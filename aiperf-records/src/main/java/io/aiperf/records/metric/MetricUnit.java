package io.aiperf.records.metric;

/**
 * Units a metric is stored in (base) or shown in (display), with AIPerf's labels. Values are always computed and
 * aggregated in the base unit and converted only when they are shown or exported.
 */
public enum MetricUnit {
    NANOSECONDS("ns", 1e-9),
    MILLISECONDS("ms", 1e-3),
    SECONDS("sec", 1.0),
    TOKENS("tokens", 1.0),
    REQUESTS("requests", 1.0),
    TOKENS_PER_SECOND("tokens/sec", 1.0),
    TOKENS_PER_SECOND_PER_USER("tokens/sec/user", 1.0),
    REQUESTS_PER_SECOND("requests/sec", 1.0),
    PERCENT("%", 1.0),
    RATIO("ratio", 1.0),
    BYTES("B", 1.0),
    /** 1024 bytes, as AIPerf's {@code KB}. */
    KILOBYTES("KB", 1.0),
    COUNT("count", 1.0),
    IMAGES("images", 1.0),
    IMAGES_PER_SECOND("images/sec", 1.0),
    MS_PER_IMAGE("ms/image", 1.0),
    MEGABYTES("MB", 1.0);

    private final String label;
    /** For time units: seconds per unit; used to convert between time units. */
    private final double secondsPerUnit;

    MetricUnit(String label, double secondsPerUnit) {
        this.label = label;
        this.secondsPerUnit = secondsPerUnit;
    }

    /** The label AIPerf prints: {@code ms}, {@code sec}, {@code tokens/sec/user}… */
    public String label() {
        return label;
    }

    public boolean isTime() {
        return this == NANOSECONDS || this == MILLISECONDS || this == SECONDS;
    }

    /** True when values in this unit are whole numbers (tokens, requests, nanosecond stamps). */
    public boolean wholeNumbers() {
        return this == TOKENS || this == REQUESTS || this == NANOSECONDS || this == BYTES || this == COUNT
                || this == IMAGES;
    }

    /** The factor that turns a value in this unit into {@code target}. */
    public double factorTo(MetricUnit target) {
        if (this == target) {
            return 1.0;
        }
        if (isTime() && target.isTime()) {
            return secondsPerUnit / target.secondsPerUnit;
        }
        if (this == BYTES && target == KILOBYTES) {
            return 1.0 / 1024;
        }
        throw new IllegalArgumentException("cannot convert " + label + " to " + target.label);
    }

    /** Converts {@code value} (in this unit) to {@code target}, exactly for the identity. */
    public double convert(double value, MetricUnit target) {
        if (this == target) {
            return value;
        }
        if (this == NANOSECONDS && target == MILLISECONDS) {
            return value / 1e6;
        }
        if (this == NANOSECONDS && target == SECONDS) {
            return value / 1e9;
        }
        if (this == MILLISECONDS && target == NANOSECONDS) {
            return value * 1e6; // exact for whole milliseconds, so an SLO of 100 ms is exactly 1e8 ns
        }
        if (this == SECONDS && target == NANOSECONDS) {
            return value * 1e9;
        }
        if (this == BYTES && target == KILOBYTES) {
            return value / 1024;
        }
        return value * factorTo(target);
    }
}
