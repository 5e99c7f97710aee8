package io.aiperf.records.metric;

import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes one request's metrics with AIPerf's semantics (reference §5.2–5.3). Stateless and thread-safe (the
 * tokenizer is), so requests may be processed in parallel.
 *
 * <p>Definitions, all on <em>content responses</em> (chunks with non-empty text or reasoning), times in ns from
 * the worker's monotonic clock:
 * <ul>
 *   <li>{@code time_to_first_token} = first content arrival − request start (streaming only)</li>
 *   <li>{@code time_to_second_token} = second − first content arrival (streaming, ≥2 content responses)</li>
 *   <li>{@code time_to_first_output_token} = first arrival carrying non-reasoning text − request start (streaming;
 *       absent when the answer is all reasoning). Equals TTFT when there is no reasoning.</li>
 *   <li>{@code request_latency} = last content arrival − request start (trailing usage/[DONE] excluded)</li>
 *   <li>{@code inter_token_latency} = (request_latency − TTFT) / (OSL − 1) (streaming, OSL ≥ 2)</li>
 *   <li>{@code output_token_throughput_per_user} = 1 / ITL in seconds (streaming, ITL &gt; 0)</li>
 *   <li>{@code e2e_output_token_throughput} = OSL / request_latency in seconds (latency &gt; 0)</li>
 *   <li>{@code inter_chunk_latency} = gaps between consecutive content arrivals (streaming, ≥2 responses)</li>
 *   <li>{@code output_token_count} = tokens of all text pieces joined with ""</li>
 *   <li>{@code reasoning_token_count} = tokens of all reasoning pieces joined with "" (only when there is reasoning)</li>
 *   <li>{@code output_sequence_length} = output + reasoning tokens</li>
 *   <li>{@code input_sequence_length} = the caller's count (the dataset knows the prompt), or, when the caller has
 *       none and the worker rendered the request itself ({@link RequestRecord#inputText()} set: a later turn whose
 *       history holds live replies), the tokens of that text, counted here on the client like the output</li>
 * </ul>
 * With {@code --use-server-token-count} the counts come from the server's last {@code usage}: ISL =
 * {@code prompt_tokens}, reasoning = {@code reasoning_tokens}, output = {@code completion_tokens} − reasoning
 * (clamped at 0); a valid response without {@code usage} then has no token metrics.
 *
 * <p>Ours, beyond AIPerf, for valid requests that had a scheduled send time ({@code scheduledNs} ≥ 0, same host
 * clock as the other stamps); absent otherwise:
 * <ul>
 *   <li>{@code send_lag} = actual send − scheduled send, the actual send being {@code requestWriteNs} (or
 *       {@code requestStartNs} when the bytes were never stamped). Not clamped: a negative lag means the request
 *       left before its time, which is a scheduling bug worth seeing.</li>
 *   <li>{@code scheduled_time_to_first_token} = first content arrival − scheduled send (streaming only)</li>
 *   <li>{@code scheduled_request_latency} = last content arrival − scheduled send</li>
 * </ul>
 * Failed requests get none of the three, as they get none of AIPerf's latencies: a failure has no response time
 * to measure, and its lag would mix in requests that never reached the network.
 *
 * <p>For an endpoint that does not produce tokens (embeddings, rankings: {@code producesTokens} false) the one
 * response the worker records is the content response whatever it carries, and the token-based metrics are
 * dropped: output and reasoning token counts, OSL, ITL, TTFT, TTST, scheduled TTFT and the output token
 * throughputs. Request latency, ISL and the scheduling metrics remain.
 *
 * <p>Each metric's formula is its own {@link RecordMetricDefinition} (package {@code defs}); this class runs them
 * in {@link MetricRegistry} order, so a metric can read the values computed before it, and keeps the run's
 * applicable set: STREAMING_ONLY metrics need streaming, PRODUCES_TOKENS_ONLY ones a token-producing endpoint,
 * USAGE_DIFF_ONLY ones (client vs server usage) client-side counts. Beyond the above: {@code
 * prefill_throughput_per_user} = ISL / TTFT s; {@code usage_*_tokens} = the server's usage fields;
 * {@code usage_*_tokens_diff_pct} = |server − client| / client · 100; {@code requested_osl} = the turn's
 * max_tokens (INTERNAL) and {@code osl_mismatch_diff_pct} = (OSL − requested) / requested · 100;
 * {@code credit_drop_latency} = request start − credit receipt. See docs/metrics.md.
 *
 * <p>A request is failed when the worker reported an error, when it was cancelled, when it has no content
 * response, or when a content response is stamped before the request started. A failed request gets only
 * {@code error_isl}: the caller's ISL, or the client-side count of {@code inputText} when the caller has none (in
 * both token-count modes: the server never counted the prompt of a failed request).
 */
public final class RecordMetrics {

    /** AIPerf's error type for a response that parsed but cannot be measured. */
    public static final String INVALID_RESULT_TYPE = "InvalidInferenceResultError";

    private final TextTokenizer tokenizer;
    private final boolean useServerTokenCount;
    private final boolean producesTokens;
    /** Metrics for valid requests, dependencies first. */
    private final List<RecordMetricDefinition> validMetrics;
    /** ERROR_ONLY metrics, for failed requests, dependencies first. */
    private final List<RecordMetricDefinition> errorMetrics;
    /** Every record metric of the run in catalogue order: the key order of {@link MetricRecord#values()}. */
    private final List<String> catalogueOrder;

    /**
     * @param tokenizer counts output tokens; may be null only when the registry's settings use server counts
     * @param registry  the run's metrics (see {@link MetricRegistry#standard})
     */
    public RecordMetrics(TextTokenizer tokenizer, MetricRegistry registry) {
        MetricSettings settings = registry.settings();
        if (tokenizer == null && !settings.useServerTokenCount()) {
            throw new IllegalArgumentException("a tokenizer is required unless server token counts are used");
        }
        this.tokenizer = tokenizer;
        this.useServerTokenCount = settings.useServerTokenCount();
        this.producesTokens = settings.producesTokens();
        List<RecordMetricDefinition> valid = new ArrayList<>();
        List<RecordMetricDefinition> error = new ArrayList<>();
        List<String> order = new ArrayList<>();
        java.util.Set<String> read = new java.util.HashSet<>();
        registry.ordered().forEach(d -> read.addAll(d.requires()));
        for (RecordMetricDefinition d : registry.recordMetrics()) {
            if (d.spec().has(MetricFlag.INTERNAL) && !read.contains(d.tag())) {
                continue; // bookkeeping nothing reads (credit_drop_latency): not worth computing per request
            }
            (d.spec().has(MetricFlag.ERROR_ONLY) ? error : valid).add(d);
            order.add(d.tag());
        }
        order.sort(Comparator.comparingInt(MetricCatalog::position));
        this.validMetrics = List.copyOf(valid);
        this.errorMetrics = List.copyOf(error);
        this.catalogueOrder = List.copyOf(order);
    }

    /**
     * @param record              the worker's record
     * @param inputSequenceLength the prompt's token count as the dataset computed it, or null when unknown (then
     *                            the record's {@code inputText}, if any, is tokenized instead)
     */
    public MetricRecord compute(RequestRecord record, Long inputSequenceLength) {
        return compute(record, inputSequenceLength, null);
    }

    /**
     * @param requestedOsl the turn's {@code max_tokens}, or null when none was sent (no OSL mismatch metrics then)
     */
    public MetricRecord compute(RequestRecord record, Long inputSequenceLength, Long requestedOsl) {
        List<ResponseChunk> content = producesTokens ? contentResponses(record) : record.responses();
        ErrorDetails error = errorOf(record, content);
        Map<String, Object> computed = new HashMap<>();
        RecordInputs inputs = new RecordInputs(record, content, inputSequenceLength, requestedOsl, tokenizer,
                useServerTokenCount, computed);
        for (RecordMetricDefinition metric : error == null ? validMetrics : errorMetrics) {
            Object value = metric.compute(inputs);
            if (value != null) {
                computed.put(metric.tag(), value);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String tag : catalogueOrder) {
            Object value = computed.get(tag);
            if (value != null) {
                values.put(tag, value);
            }
        }
        return new MetricRecord(record, error, values);
    }

    private static List<ResponseChunk> contentResponses(RequestRecord record) {
        List<ResponseChunk> content = new ArrayList<>(record.responses().size());
        for (ResponseChunk chunk : record.responses()) {
            if (chunk.hasText() || chunk.hasReasoning()) {
                content.add(chunk);
            }
        }
        return content;
    }

    private static ErrorDetails errorOf(RequestRecord record, List<ResponseChunk> content) {
        if (record.error() != null) {
            return record.error();
        }
        if (record.cancelled()) {
            return new ErrorDetails(499, "RequestCancellationError", "Request was cancelled");
        }
        if (content.isEmpty()) {
            return new ErrorDetails(null, INVALID_RESULT_TYPE, "No content responses were received");
        }
        long previous = record.requestStartNs();
        for (ResponseChunk chunk : content) {
            if (chunk.arrivalNs() < previous) {
                return new ErrorDetails(null, INVALID_RESULT_TYPE,
                        "Invalid timestamps: a response arrived before the request started or out of order");
            }
            previous = chunk.arrivalNs();
        }
        return null;
    }
}
