package io.aiperf.records.metric;

import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;
import io.aiperf.core.model.ResponseChunk;
import io.aiperf.core.model.Usage;
import io.aiperf.core.tokenizer.TextTokenizer;

import java.util.ArrayList;
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
 * <p>A request is failed when the worker reported an error, when it was cancelled, when it has no content
 * response, or when a content response is stamped before the request started. A failed request gets only
 * {@code error_isl}: the caller's ISL, or the client-side count of {@code inputText} when the caller has none (in
 * both token-count modes: the server never counted the prompt of a failed request).
 */
public final class RecordMetrics {

    /** AIPerf's error type for a response that parsed but cannot be measured. */
    public static final String INVALID_RESULT_TYPE = "InvalidInferenceResultError";

    private final TextTokenizer tokenizer;
    private final boolean streaming;
    private final boolean useServerTokenCount;
    private final boolean producesTokens;

    /** For an endpoint that produces tokens; see {@link #RecordMetrics(TextTokenizer, boolean, boolean, boolean)}. */
    public RecordMetrics(TextTokenizer tokenizer, boolean streaming, boolean useServerTokenCount) {
        this(tokenizer, streaming, useServerTokenCount, true);
    }

    /**
     * @param tokenizer           counts output tokens; may be null only with {@code useServerTokenCount}
     * @param streaming           whether the run streams (enables the STREAMING_ONLY metrics)
     * @param useServerTokenCount take token counts from the server's {@code usage}
     * @param producesTokens      whether the endpoint answers with generated text (else no token metrics)
     */
    public RecordMetrics(TextTokenizer tokenizer, boolean streaming, boolean useServerTokenCount,
                         boolean producesTokens) {
        if (tokenizer == null && !useServerTokenCount) {
            throw new IllegalArgumentException("a tokenizer is required unless server token counts are used");
        }
        this.tokenizer = tokenizer;
        this.streaming = streaming;
        this.useServerTokenCount = useServerTokenCount;
        this.producesTokens = producesTokens;
    }

    public static RecordMetrics forConfig(BenchmarkConfig config, TextTokenizer tokenizer) {
        return new RecordMetrics(tokenizer, config.endpoint().streaming(), config.endpoint().useServerTokenCount(),
                config.endpoint().type().producesTokens());
    }

    /**
     * @param record              the worker's record
     * @param inputSequenceLength the prompt's token count as the dataset computed it, or null when unknown (then
     *                            the record's {@code inputText}, if any, is tokenized instead)
     */
    public MetricRecord compute(RequestRecord record, Long inputSequenceLength) {
        List<ResponseChunk> content = producesTokens ? contentResponses(record) : record.responses();
        ErrorDetails error = errorOf(record, content);
        Map<String, Object> values = new LinkedHashMap<>();
        if (error != null) {
            Long errorIsl = clientIsl(record, inputSequenceLength);
            if (errorIsl != null) {
                values.put(MetricCatalog.ERROR_ISL.tag(), errorIsl);
            }
            return new MetricRecord(record, error, values);
        }

        long startNs = record.requestStartNs();
        long firstNs = content.get(0).arrivalNs();
        long lastNs = content.get(content.size() - 1).arrivalNs();
        long ttftNs = firstNs - startNs;
        long latencyNs = lastNs - startNs;

        TokenCounts tokens = producesTokens ? countTokens(record, content, inputSequenceLength)
                : new TokenCounts(useServerTokenCount ? serverIsl(record) : clientIsl(record, inputSequenceLength),
                        null, null);
        Long osl = tokens.output == null ? null : tokens.output + (tokens.reasoning == null ? 0 : tokens.reasoning);

        if (streaming && producesTokens) {
            values.put(MetricCatalog.TIME_TO_FIRST_TOKEN.tag(), ttftNs);
            if (content.size() >= 2) {
                values.put(MetricCatalog.TIME_TO_SECOND_TOKEN.tag(), content.get(1).arrivalNs() - firstNs);
            }
            long firstOutputNs = firstTextArrivalNs(content);
            if (firstOutputNs >= 0) {
                values.put(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN.tag(), firstOutputNs - startNs);
            }
        }
        values.put(MetricCatalog.REQUEST_LATENCY.tag(), latencyNs);
        if (streaming && osl != null && osl >= 2) {
            double itlNs = (double) (latencyNs - ttftNs) / (osl - 1);
            values.put(MetricCatalog.INTER_TOKEN_LATENCY.tag(), itlNs);
            if (itlNs > 0) {
                values.put(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER.tag(), 1e9 / itlNs);
            }
        }
        if (osl != null && latencyNs > 0) {
            values.put(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT.tag(), osl / (latencyNs / 1e9));
        }
        if (osl != null) {
            values.put(MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag(), osl);
        }
        if (tokens.input != null) {
            values.put(MetricCatalog.INPUT_SEQUENCE_LENGTH.tag(), tokens.input);
        }
        if (streaming && content.size() >= 2) {
            double[] gaps = new double[content.size() - 1];
            for (int i = 1; i < content.size(); i++) {
                gaps[i - 1] = content.get(i).arrivalNs() - content.get(i - 1).arrivalNs();
            }
            values.put(MetricCatalog.INTER_CHUNK_LATENCY.tag(), gaps);
        }
        if (tokens.output != null) {
            values.put(MetricCatalog.OUTPUT_TOKEN_COUNT.tag(), tokens.output);
        }
        if (tokens.reasoning != null) {
            values.put(MetricCatalog.REASONING_TOKEN_COUNT.tag(), tokens.reasoning);
        }
        long scheduledNs = record.scheduledNs();
        if (scheduledNs >= 0) {
            long sentNs = record.requestWriteNs() >= 0 ? record.requestWriteNs() : startNs;
            values.put(MetricCatalog.SEND_LAG.tag(), sentNs - scheduledNs);
            if (streaming && producesTokens) {
                values.put(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN.tag(), firstNs - scheduledNs);
            }
            values.put(MetricCatalog.SCHEDULED_REQUEST_LATENCY.tag(), lastNs - scheduledNs);
        }
        return new MetricRecord(record, null, values);
    }

    /**
     * The caller's ISL, else the client-side token count of the text the worker rendered, else null (also when
     * there is no tokenizer, as in server-count mode without one).
     */
    private Long clientIsl(RequestRecord record, Long callerIsl) {
        if (callerIsl != null) {
            return callerIsl;
        }
        if (record.inputText() != null && tokenizer != null) {
            return (long) tokenizer.countTokens(record.inputText());
        }
        return null;
    }

    private static Long serverIsl(RequestRecord record) {
        return record.usage() == null ? null : record.usage().promptTokens();
    }

    private record TokenCounts(Long input, Long output, Long reasoning) {
    }

    private TokenCounts countTokens(RequestRecord record, List<ResponseChunk> content, Long callerIsl) {
        if (useServerTokenCount) {
            Usage usage = record.usage();
            if (usage == null) {
                return new TokenCounts(null, null, null);
            }
            Long reasoning = usage.reasoningTokens();
            Long output = null;
            if (usage.completionTokens() != null) {
                output = Math.max(0, usage.completionTokens() - (reasoning == null ? 0 : reasoning));
            }
            return new TokenCounts(usage.promptTokens(), output, reasoning);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        boolean anyReasoning = false;
        for (ResponseChunk chunk : content) {
            if (chunk.hasText()) {
                text.append(chunk.text());
            }
            if (chunk.hasReasoning()) {
                reasoning.append(chunk.reasoning());
                anyReasoning = true;
            }
        }
        long output = tokenizer.countTokens(text.toString());
        Long reasoningTokens = anyReasoning ? (long) tokenizer.countTokens(reasoning.toString()) : null;
        return new TokenCounts(clientIsl(record, callerIsl), output, reasoningTokens);
    }

    /** Arrival of the first response with non-reasoning text, or -1 when every response was reasoning only. */
    private static long firstTextArrivalNs(List<ResponseChunk> content) {
        for (ResponseChunk chunk : content) {
            if (chunk.hasText()) {
                return chunk.arrivalNs();
            }
        }
        return -1;
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
