package io.aiperf.records.metric;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.MetricsConfig;

/**
 * What decides which metrics a run computes (AIPerf's flag filtering): STREAMING_ONLY needs streaming,
 * PRODUCES_TOKENS_ONLY a token-producing endpoint, USAGE_DIFF_ONLY client-side counts, GOODPUT some SLOs,
 * HTTP_TRACE_ONLY the workers' transport traces, TOKENIZES_INPUT_ONLY / SUPPORTS_IMAGE_ONLY / PRODUCES_VIDEO_ONLY
 * an endpoint with that trait.
 *
 * @param goodput   the {@code --goodput} SLOs, or null
 * @param httpTrace the workers trace every request's transport phases ({@code --export-http-trace} or
 *                  {@code --show-trace-timing})
 * @param warnings  when the OSL-mismatch and usage-discrepancy counts count a request
 * @param tokenizesInput the endpoint's input is tokenized text (TOKENIZES_INPUT_ONLY)
 * @param supportsImages the endpoint's requests may carry images (SUPPORTS_IMAGE_ONLY)
 * @param producesVideo  the endpoint answers with video jobs (PRODUCES_VIDEO_ONLY)
 */
public record MetricSettings(boolean streaming, boolean producesTokens, boolean useServerTokenCount,
                             GoodputSlos goodput, boolean httpTrace, MetricsConfig.WarningThresholds warnings,
                             boolean tokenizesInput, boolean supportsImages, boolean producesVideo) {

    /** For an endpoint that may use every kind of metric. */
    public MetricSettings(boolean streaming, boolean producesTokens, boolean useServerTokenCount, GoodputSlos goodput,
                          boolean httpTrace, MetricsConfig.WarningThresholds warnings) {
        this(streaming, producesTokens, useServerTokenCount, goodput, httpTrace, warnings, true, true, true);
    }

    /** With AIPerf's warning thresholds. */
    public MetricSettings(boolean streaming, boolean producesTokens, boolean useServerTokenCount, GoodputSlos goodput,
                          boolean httpTrace) {
        this(streaming, producesTokens, useServerTokenCount, goodput, httpTrace,
                MetricsConfig.WarningThresholds.DEFAULT);
    }

    public MetricSettings {
        warnings = warnings == null ? MetricsConfig.WarningThresholds.DEFAULT : warnings;
    }

    /** Everything but goodput: for aggregating records whatever they hold. */
    public static final MetricSettings ALL_BUT_GOODPUT = new MetricSettings(true, true, false, null, true);

    public static MetricSettings forConfig(BenchmarkConfig config) {
        return new MetricSettings(config.endpoint().streaming(), config.endpoint().type().producesTokens(),
                config.endpoint().useServerTokenCount(), GoodputSlos.fromConfig(config), config.output().httpTrace(),
                config.metrics().warnings(), config.endpoint().type().tokenizesInput(),
                config.endpoint().type().supportsImages(), config.endpoint().type().producesVideo());
    }

    /** Whether a metric with this spec is computed in this run. */
    public boolean applies(MetricSpec spec) {
        return !(spec.has(MetricFlag.STREAMING_ONLY) && !streaming)
                && !(spec.has(MetricFlag.PRODUCES_TOKENS_ONLY) && !producesTokens)
                && !(spec.has(MetricFlag.USAGE_DIFF_ONLY) && useServerTokenCount)
                && !(spec.has(MetricFlag.GOODPUT) && goodput == null)
                && !(spec.has(MetricFlag.HTTP_TRACE_ONLY) && !httpTrace)
                && !(spec.has(MetricFlag.TOKENIZES_INPUT_ONLY) && !tokenizesInput)
                && !(spec.has(MetricFlag.SUPPORTS_IMAGE_ONLY) && !supportsImages)
                && !(spec.has(MetricFlag.PRODUCES_VIDEO_ONLY) && !producesVideo);
    }
}
