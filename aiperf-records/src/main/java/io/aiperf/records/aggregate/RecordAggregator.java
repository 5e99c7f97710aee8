package io.aiperf.records.aggregate;

import io.aiperf.core.model.CreditPhase;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.records.histogram.Distribution;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricKind;
import io.aiperf.records.metric.MetricRecord;
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
 * <p>Warnings (ours, beyond AIPerf): when the {@code send_lag} p99 exceeds {@link #SEND_LAG_WARNING_MS}, the
 * summary says so, because the client then sent a noticeable share of requests later than scheduled and every
 * latency measured from the actual send understates what a user on that schedule would have seen.
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

    public RecordAggregator() {
        this(true);
    }

    public RecordAggregator(boolean openLoop) {
        this.openLoop = openLoop;
    }

    private long requestCount;
    private long errorRequestCount;
    private long ignoredCount;

    private long totalIsl;
    private long totalOsl;
    private long totalOutputTokens;
    private long totalReasoningTokens;
    private long totalErrorIsl;
    private boolean sawIsl;
    private boolean sawOsl;
    private boolean sawOutputTokens;
    private boolean sawReasoningTokens;
    private boolean sawErrorIsl;

    private long minRequestEpochNs = Long.MAX_VALUE;
    private long maxResponseEpochNs = Long.MIN_VALUE;

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
            Distribution distribution = distributions.computeIfAbsent(spec.tag(), tag -> new Distribution(scaleOf(spec)));
            Object value = entry.getValue();
            if (value instanceof double[] list) {
                distribution.recordAll(list);
            } else {
                distribution.record(((Number) value).doubleValue());
            }
        }
        if (!record.valid()) {
            errorRequestCount++;
            errorCounts.merge(record.error(), 1L, Long::sum);
            Long errorIsl = record.count(MetricCatalog.ERROR_ISL);
            if (errorIsl != null) {
                totalErrorIsl += errorIsl;
                sawErrorIsl = true;
            }
            return true;
        }
        requestCount++;
        Long isl = record.count(MetricCatalog.INPUT_SEQUENCE_LENGTH);
        if (isl != null) {
            totalIsl += isl;
            sawIsl = true;
        }
        Long osl = record.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH);
        if (osl != null) {
            totalOsl += osl;
            sawOsl = true;
        }
        Long output = record.count(MetricCatalog.OUTPUT_TOKEN_COUNT);
        if (output != null) {
            totalOutputTokens += output;
            sawOutputTokens = true;
        }
        Long reasoning = record.count(MetricCatalog.REASONING_TOKEN_COUNT);
        if (reasoning != null) {
            totalReasoningTokens += reasoning;
            sawReasoningTokens = true;
        }
        long startEpochNs = record.record().startEpochNs();
        Long latencyNs = record.count(MetricCatalog.REQUEST_LATENCY);
        minRequestEpochNs = Math.min(minRequestEpochNs, startEpochNs);
        maxResponseEpochNs = Math.max(maxResponseEpochNs, startEpochNs + (latencyNs == null ? 0 : latencyNs));
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
        put(results, MetricCatalog.REQUEST_COUNT, requestCount);
        if (errorRequestCount > 0) {
            put(results, MetricCatalog.ERROR_REQUEST_COUNT, errorRequestCount);
        }
        if (sawIsl) {
            put(results, MetricCatalog.TOTAL_ISL, totalIsl);
        }
        if (sawOsl) {
            put(results, MetricCatalog.TOTAL_OSL, totalOsl);
        }
        if (sawOutputTokens) {
            put(results, MetricCatalog.TOTAL_OUTPUT_TOKENS, totalOutputTokens);
        }
        if (sawReasoningTokens) {
            put(results, MetricCatalog.TOTAL_REASONING_TOKENS, totalReasoningTokens);
        }
        if (sawErrorIsl) {
            put(results, MetricCatalog.TOTAL_ERROR_ISL, totalErrorIsl);
        }
        Long minRequest = null;
        Long maxResponse = null;
        if (requestCount > 0) {
            minRequest = minRequestEpochNs;
            maxResponse = maxResponseEpochNs;
            long durationNs = maxResponseEpochNs - minRequestEpochNs;
            put(results, MetricCatalog.BENCHMARK_DURATION, durationNs);
            if (durationNs > 0) {
                double seconds = durationNs / 1e9;
                put(results, MetricCatalog.REQUEST_THROUGHPUT, requestCount / seconds);
                if (sawOsl) {
                    put(results, MetricCatalog.OUTPUT_TOKEN_THROUGHPUT, totalOsl / seconds);
                }
                if (sawOsl && sawIsl) {
                    put(results, MetricCatalog.TOTAL_TOKEN_THROUGHPUT, (totalIsl + totalOsl) / seconds);
                }
            }
        }
        List<MetricResult> ordered = new ArrayList<>(results.values());
        ordered.sort(Comparator.comparingInt(r -> MetricCatalog.position(r.tag())));

        List<ErrorSummaryEntry> errors = new ArrayList<>();
        errorCounts.forEach((details, count) -> errors.add(new ErrorSummaryEntry(details, count)));
        errors.sort(Comparator.comparingLong(ErrorSummaryEntry::count).reversed()); // stable: first seen wins ties

        return new ProfileSummary(ordered, errors, requestCount, errorRequestCount, minRequest, maxResponse,
                openLoop ? warnings(results) : List.of());
    }

    private static List<String> warnings(Map<String, MetricResult> results) {
        List<String> warnings = new ArrayList<>();
        MetricResult lag = results.get(MetricCatalog.SEND_LAG.tag());
        if (lag != null && lag.p99() != null && lag.p99() > SEND_LAG_WARNING_MS) {
            warnings.add(String.format(Locale.ROOT, "Send lag p99 is %.2f ms (> %s ms): the client sent requests "
                    + "later than scheduled, so latencies measured from the actual send understate what a user "
                    + "would see; see the scheduled_* metrics", lag.p99(),
                    BigDecimal.valueOf(SEND_LAG_WARNING_MS).stripTrailingZeros().toPlainString()));
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
