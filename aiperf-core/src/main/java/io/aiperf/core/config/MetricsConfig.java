package io.aiperf.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How results are judged.
 *
 * @param goodput {@code --goodput}: metric tag (canonical, aliases already resolved) → SLO threshold in the metric's
 *                display unit, in the order given; empty when no SLOs were given
 * @param warnings when the OSL-mismatch and usage-discrepancy metrics count a request (AIPerf's
 *                 {@code AIPERF_METRICS_*} thresholds)
 */
public record MetricsConfig(Map<String, Double> goodput, WarningThresholds warnings) {

    public static final MetricsConfig NONE = new MetricsConfig(Map.of());

    /**
     * @param oslMismatchPct       an OSL mismatch is more than this per cent of the requested length…
     * @param oslMismatchMaxTokens …or more than this many tokens, whichever is smaller
     * @param usageDiffPct         a usage discrepancy is a server count more than this per cent off the client's
     */
    public record WarningThresholds(double oslMismatchPct, long oslMismatchMaxTokens, double usageDiffPct) {

        /** AIPerf's 5 %, 50 tokens and 10 %. */
        public static final WarningThresholds DEFAULT = new WarningThresholds(5.0, 50, 10.0);
    }

    /** With AIPerf's warning thresholds. */
    public MetricsConfig(Map<String, Double> goodput) {
        this(goodput, WarningThresholds.DEFAULT);
    }

    public MetricsConfig {
        goodput = goodput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(goodput));
        // A run_config.json written before the thresholds were settings has none: AIPerf's defaults.
        warnings = warnings == null ? WarningThresholds.DEFAULT : warnings;
    }

    /** These SLOs with {@code thresholds}. */
    public MetricsConfig withWarnings(WarningThresholds thresholds) {
        return new MetricsConfig(goodput, thresholds);
    }
}
