package io.aiperf.telemetry.prometheus;

import java.util.Locale;

/** The type a {@code # TYPE} line gives a family: the union of text format 0.0.4's and OpenMetrics' types. */
public enum MetricType {
    COUNTER, GAUGE, HISTOGRAM, SUMMARY, UNTYPED, INFO, STATESET, GAUGEHISTOGRAM;

    /**
     * The type a {@code # TYPE} line names, or null for a word neither format defines. OpenMetrics spells untyped
     * {@code unknown}; both spellings are accepted in both formats, since an exporter's mix-up costs us nothing.
     */
    static MetricType fromTypeWord(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "counter" -> COUNTER;
            case "gauge" -> GAUGE;
            case "histogram" -> HISTOGRAM;
            case "summary" -> SUMMARY;
            case "untyped", "unknown" -> UNTYPED;
            case "info" -> INFO;
            case "stateset" -> STATESET;
            case "gaugehistogram" -> GAUGEHISTOGRAM;
            default -> null;
        };
    }

    /** Whether a sample named {@code familyName + suffix} belongs to a family of this type. */
    boolean allowsSuffix(String suffix) {
        return switch (this) {
            // "" keeps 0.0.4's counters (family named as written, usually ending in _total) in the family
            case COUNTER -> suffix.isEmpty() || suffix.equals("_total") || suffix.equals("_created");
            case HISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_sum") || suffix.equals("_count")
                    || suffix.equals("_created");
            case GAUGEHISTOGRAM -> suffix.equals("_bucket") || suffix.equals("_gsum") || suffix.equals("_gcount");
            case SUMMARY -> suffix.isEmpty() || suffix.equals("_sum") || suffix.equals("_count")
                    || suffix.equals("_created");
            case INFO -> suffix.equals("_info");
            case GAUGE, STATESET, UNTYPED -> suffix.isEmpty();
        };
    }
}
