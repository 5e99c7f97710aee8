package io.aiperf.records.aggregate;

import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.histogram.Distribution;
import io.aiperf.records.metric.AggregateMetricDefinition;
import io.aiperf.records.metric.DerivedMetricDefinition;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricFlag;
import io.aiperf.records.metric.MetricKind;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.MetricUnit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Folds per-request {@link MetricRecord}s of the profiling phase into a {@link ProfileSummary}.
 *
 * <ul>
 *   <li>every record metric gets a {@link Distribution} (list metrics such as inter-chunk latency are flattened
 *       across requests), in base units;</li>
 *   <li>{@code request_count} counts valid requests, {@code error_request_count} failed ones; failures are grouped
 *       by (code, type, message);</li>
 *   <li>totals ({@code total_isl}, {@code total_osl}, {@code total_output_tokens}, {@code total_reasoning_tokens},
 *       {@code total_error_isl}) are exact integer sums;</li>
 *   <li>{@code benchmark_duration} = latest valid (start epoch + request_latency) − earliest valid start epoch;
 *       {@code request_throughput} = request_count / duration, {@code output_token_throughput} = total_osl /
 *       duration, {@code total_token_throughput} = (total_isl + total_osl) / duration, all per second.</li>
 * </ul>
 * Warmup records are ignored. Only valid requests count towards the duration and the throughputs.
 *
 * <p>The aggregate and derived metrics are the registry's {@link AggregateMetricDefinition}s (folded request by
 * request) and {@link DerivedMetricDefinition}s (formulas over those, in dependency order).
 *
 * <p>Warnings: as AIPerf's console panels, when {@code usage_discrepancy_count} or {@code osl_mismatch_count} is
 * above 0. Ours, beyond AIPerf: when the {@code send_lag} p99 exceeds {@link #SEND_LAG_WARNING_MS}, because the
 * client then sent a noticeable share of requests later than scheduled and every latency measured from the actual
 * send understates what a user on that schedule would have seen.
 *
 * <p><b>Single writer:</b> not thread-safe; the records manager's one consuming thread adds records and
 * summarises. {@link #summarize()} does not change the state, so it may be called repeatedly (live updates).
 */
public final class RecordAggregator {

    /** A {@code send_lag} p99 above this many milliseconds gets a warning. */
    public static final double SEND_LAG_WARNING_MS = 1.0;

    private final Map<String, Distribution> distributions = new HashMap<>();
    private final Map<ErrorDetails, Long> errorCounts = new LinkedHashMap<>();

    /**
     * True when requests followed an open-loop schedule (a rate, a trace, user slots): only then is a late send
     * "falling behind" worth a warning. In a closed-loop burst the lag is the client's reaction to a freed slot; it
     * is exported all the same.
     */
    private final boolean openLoop;

    private final List<AggregateMetricDefinition> aggregates;
    private final List<DerivedMetricDefinition> derived;
    /** Per aggregate metric (same index): the folded value, and whether any request contributed. */
    private final long[] folded;
    private final boolean[] contributed;

    /**
     * @param openLoop whether requests followed an open-loop schedule (send-lag warnings)
     * @param registry the run's metrics: its aggregate and derived metrics are computed here
     */
    public RecordAggregator(boolean openLoop, MetricRegistry registry) {
        this.openLoop = openLoop;
        this.warningThresholds = registry.settings().warnings();
        this.aggregates = registry.aggregateMetrics();
        this.derived = registry.derivedMetrics();
        this.folded = new long[aggregates.size()];
        this.contributed = new boolean[aggregates.size()];
    }

    /** The thresholds the warning counts used, for the warnings' words. */
    private final MetricsConfig.WarningThresholds warningThresholds;
    private long requestCount;
    private long errorRequestCount;
    private long ignoredCount;

    /**
     * Adds one request's metrics.
     *
     * @return false when the record was ignored (not in the profiling phase)
     */
    public boolean add(MetricRecord record) {
        if (record.record().phase() != CreditPhase.PROFILING) {
            ignoredCount++;
            return false;
        }
        for (Map.Entry<String, Object> entry : record.values().entrySet()) {
            MetricSpec spec = MetricCatalog.get(entry.getKey());
            if (spec.has(MetricFlag.INTERNAL)) {
                continue; // bookkeeping for other metrics, never summarised
            }
            Distribution distribution = distributions.computeIfAbsent(spec.tag(), tag -> new Distribution(scaleOf(spec)));
            Object value = entry.getValue();
            if (value instanceof double[] list) {
                distribution.recordAll(list);
            } else {
                distribution.record(((Number) value).doubleValue());
            }
        }
        for (int i = 0; i < aggregates.size(); i++) {
            AggregateMetricDefinition metric = aggregates.get(i);
            Long value = metric.contribution(record);
            if (value == null) {
                continue;
            }
            if (!contributed[i]) {
                folded[i] = value;
                contributed[i] = true;
            } else {
                folded[i] = switch (metric.fold()) {
                    case SUM -> folded[i] + value;
                    case MIN -> Math.min(folded[i], value);
                    case MAX -> Math.max(folded[i], value);
                };
            }
        }
        if (record.valid()) {
            requestCount++;
        } else {
            errorRequestCount++;
            errorCounts.merge(record.error(), 1L, Long::sum);
        }
        return true;
    }

    public long requestCount() {
        return requestCount;
    }

    public long errorRequestCount() {
        return errorRequestCount;
    }

    /** Records passed to {@link #add} that were not part of the profiling phase. */
    public long ignoredCount() {
        return ignoredCount;
    }

    /** The results so far; cheap enough to call every few seconds for a live view. */
    public ProfileSummary summarize() {
        Map<String, MetricResult> results = new HashMap<>();
        for (Map.Entry<String, Distribution> entry : distributions.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                MetricSpec spec = MetricCatalog.get(entry.getKey());
                results.put(spec.tag(), MetricResult.distribution(spec, entry.getValue().summarize()));
            }
        }
        Map<String, Number> base = new HashMap<>();
        for (int i = 0; i < aggregates.size(); i++) {
            AggregateMetricDefinition metric = aggregates.get(i);
            Long value = contributed[i] ? Long.valueOf(folded[i]) : metric.emptyValue();
            if (value != null) {
                base.put(metric.tag(), value);
            }
        }
        for (DerivedMetricDefinition metric : derived) {
            if (metric.derivableFrom(base)) {
                Number value = metric.derive(base);
                if (value != null) {
                    base.put(metric.tag(), value);
                }
            }
        }
        base.forEach((tag, value) -> {
            MetricSpec spec = MetricCatalog.get(tag);
            if (!spec.has(MetricFlag.INTERNAL)) {
                put(results, spec, value.doubleValue());
            }
        });
        List<MetricResult> ordered = new ArrayList<>(results.values());
        ordered.sort(Comparator.comparingInt(r -> MetricCatalog.position(r.tag())));

        List<ErrorSummaryEntry> errors = new ArrayList<>();
        errorCounts.forEach((details, count) -> errors.add(new ErrorSummaryEntry(details, count)));
        errors.sort(Comparator.comparingLong(ErrorSummaryEntry::count).reversed()); // stable: first seen wins ties

        Number minRequest = base.get(MetricCatalog.MIN_REQUEST_TIMESTAMP.tag());
        Number maxResponse = base.get(MetricCatalog.MAX_RESPONSE_TIMESTAMP.tag());
        return new ProfileSummary(ordered, errors, requestCount, errorRequestCount,
                minRequest == null ? null : minRequest.longValue(), maxResponse == null ? null : maxResponse.longValue(),
                warnings(results));
    }

    private List<String> warnings(Map<String, MetricResult> results) {
        List<String> warnings = new ArrayList<>();
        MetricResult lag = results.get(MetricCatalog.SEND_LAG.tag());
        if (openLoop && lag != null && lag.p99() != null && lag.p99() > SEND_LAG_WARNING_MS) {
            warnings.add(String.format(Locale.ROOT, "Send lag p99 is %.2f ms (> %s ms): the client sent requests "
                    + "later than scheduled, so latencies measured from the actual send understate what a user "
                    + "would see; see the scheduled_* metrics", lag.p99(),
                    BigDecimal.valueOf(SEND_LAG_WARNING_MS).stripTrailingZeros().toPlainString()));
        }
        MetricResult discrepancies = results.get(MetricCatalog.USAGE_DISCREPANCY_COUNT.tag());
        if (discrepancies != null && discrepancies.avg() > 0) {
            warnings.add(String.format(Locale.ROOT, "Token count discrepancy: %d of %d requests have server usage "
                    + "token counts more than %s%% away from the client-side counts (see the usage_*_diff_pct "
                    + "metrics); use the model's own tokenizer (--tokenizer) or --use-server-token-count",
                    (long) discrepancies.avg(), requestCount,
                    BigDecimal.valueOf(warningThresholds.usageDiffPct()).stripTrailingZeros().toPlainString()));
        }
        MetricResult mismatches = results.get(MetricCatalog.OSL_MISMATCH_COUNT.tag());
        if (mismatches != null && mismatches.avg() > 0) {
            warnings.add(String.format(Locale.ROOT, "Output sequence length mismatch: %d of %d requests produced an "
                    + "OSL more than min(%s%% of requested, %d) tokens away from the requested max_tokens (see "
                    + "osl_mismatch_diff_pct); the server may stop at end-of-sequence: try --extra-inputs "
                    + "ignore_eos:true or min_tokens, or --use-server-token-count if the tokenizers differ",
                    (long) mismatches.avg(), requestCount,
                    BigDecimal.valueOf(warningThresholds.oslMismatchPct()).stripTrailingZeros().toPlainString(),
                    warningThresholds.oslMismatchMaxTokens()));
        }
        return warnings;
    }

    private static void put(Map<String, MetricResult> results, MetricSpec spec, double baseValue) {
        if (spec.kind() == MetricKind.RECORD) {
            throw new IllegalArgumentException(spec.tag() + " is a distribution");
        }
        results.put(spec.tag(), MetricResult.single(spec, spec.toDisplay(baseValue)));
    }

    /** Whole-number units are recorded as is; rates keep three decimals in the histogram. */
    private static double scaleOf(MetricSpec spec) {
        MetricUnit unit = spec.baseUnit();
        return unit.wholeNumbers() ? 1.0 : 1000.0;
    }
}
