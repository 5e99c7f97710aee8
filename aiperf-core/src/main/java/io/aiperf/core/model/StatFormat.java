package io.aiperf.core.model;

import java.util.Locale;

/**
 * How a statistic reads on the console: the final metrics table and the live dashboard print the same value the same
 * way, so a number watched during the run is the one the report ends with.
 */
public final class StatFormat {

    private StatFormat() {
    }

    /** Two decimals with thousands separators ({@code 1,234.57}); {@code N/A} for a missing or non-finite value. */
    public static String number(Double value) {
        return value == null || !Double.isFinite(value) ? "N/A" : String.format(Locale.US, "%,.2f", value);
    }
}
