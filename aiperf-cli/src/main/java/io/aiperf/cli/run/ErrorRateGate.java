package io.aiperf.cli.run;

import java.util.Locale;

/**
 * {@code --fail-on-error-rate PCT}: whether a finished run's error rate fails it. The rate is
 * {@code error_request_count / (request_count + error_request_count) * 100}, over profiling requests only, as in
 * the exports; a run above the threshold exits 1 with one line naming both numbers.
 */
public final class ErrorRateGate {

    private ErrorRateGate() {
    }

    /**
     * @param thresholdPct the threshold in percent, or null when the option is not set
     * @param validCount   {@code request_count}: profiling requests that succeeded
     * @param errorCount   {@code error_request_count}: profiling requests that failed
     * @return the one-line reason the run fails, or null when it passes
     */
    public static String check(Double thresholdPct, long validCount, long errorCount) {
        long total = validCount + errorCount;
        if (thresholdPct == null || total == 0) {
            return null;
        }
        double ratePct = errorCount * 100.0 / total;
        if (ratePct <= thresholdPct) {
            return null;
        }
        return String.format(Locale.ROOT, "error rate %.2f%% (%d of %d requests failed) is above "
                + "--fail-on-error-rate %s%%", ratePct, errorCount, total, percent(thresholdPct));
    }

    private static String percent(double pct) {
        return pct == Math.rint(pct) ? Long.toString((long) pct) : Double.toString(pct);
    }
}
