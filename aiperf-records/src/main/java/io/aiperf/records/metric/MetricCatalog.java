package io.aiperf.records.metric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.aiperf.records.metric.MetricFlag.ERROR_ONLY;
import static io.aiperf.records.metric.MetricFlag.EXTENSION;
import static io.aiperf.records.metric.MetricFlag.HTTP_TRACE_ONLY;
import static io.aiperf.records.metric.MetricFlag.PRODUCES_TOKENS_ONLY;
import static io.aiperf.records.metric.MetricFlag.SUPPORTS_REASONING;
import static io.aiperf.records.metric.MetricFlag.USAGE_DIFF_ONLY;
import static io.aiperf.records.metric.MetricFlag.INTERNAL;
import static io.aiperf.records.metric.MetricFlag.LARGER_IS_BETTER;
import static io.aiperf.records.metric.MetricFlag.NO_CONSOLE;
import static io.aiperf.records.metric.MetricFlag.NO_INDIVIDUAL_RECORDS;
import static io.aiperf.records.metric.MetricFlag.STREAMING_ONLY;
import static io.aiperf.records.metric.MetricFlag.TOKENIZES_INPUT_ONLY;
import static io.aiperf.records.metric.MetricFlag.SUPPORTS_IMAGE_ONLY;
import static io.aiperf.records.metric.MetricFlag.PRODUCES_VIDEO_ONLY;
import static io.aiperf.records.metric.MetricUnit.IMAGES;
import static io.aiperf.records.metric.MetricUnit.IMAGES_PER_SECOND;
import static io.aiperf.records.metric.MetricUnit.MS_PER_IMAGE;
import static io.aiperf.records.metric.MetricUnit.MEGABYTES;
import static io.aiperf.records.metric.MetricUnit.SECONDS;
import static io.aiperf.records.metric.MetricKind.AGGREGATE;
import static io.aiperf.records.metric.MetricKind.DERIVED;
import static io.aiperf.records.metric.MetricKind.RECORD;
import static io.aiperf.records.metric.MetricUnit.BYTES;
import static io.aiperf.records.metric.MetricUnit.COUNT;
import static io.aiperf.records.metric.MetricUnit.KILOBYTES;
import static io.aiperf.records.metric.MetricUnit.MILLISECONDS;
import static io.aiperf.records.metric.MetricUnit.NANOSECONDS;
import static io.aiperf.records.metric.MetricUnit.PERCENT;
import static io.aiperf.records.metric.MetricUnit.RATIO;
import static io.aiperf.records.metric.MetricUnit.REQUESTS;
import static io.aiperf.records.metric.MetricUnit.REQUESTS_PER_SECOND;
import static io.aiperf.records.metric.MetricUnit.TOKENS;
import static io.aiperf.records.metric.MetricUnit.TOKENS_PER_SECOND;
import static io.aiperf.records.metric.MetricUnit.TOKENS_PER_SECOND_PER_USER;

/**
 * Every metric this implementation knows, in catalogue order (the order per-request values are kept and written
 * to {@code profile_export.jsonl}). Tags, headers, units, console order and flags follow AIPerf 0.7.0.
 *
 * <p>Beyond AIPerf (flag {@link MetricFlag#EXTENSION}), and after AIPerf's metrics in every order (catalogue and
 * JSONL, JSON keys, CSV rows, console rows from display order 1200), come the
 * coordinated-omission metrics: {@link #SEND_LAG}, {@link #SCHEDULED_TIME_TO_FIRST_TOKEN} and
 * {@link #SCHEDULED_REQUEST_LATENCY}. They measure from the time the schedule wanted a request sent rather than
 * from when it was sent, so a client that falls behind its schedule cannot hide the wait from the latencies. They
 * exist only for requests that had a scheduled send time, so a run without a schedule exports none of them.
 *
 * <p>Also ours: {@link #GOOD_REQUEST_FRACTION} (AIPerf adds it after 0.7.0).
 *
 * <p>To add a metric: declare its spec here (and register it in {@link #ALL}), then write its formula as a small
 * {@link MetricDefinition} class in {@code io.aiperf.records.metric.defs} and list it in
 * {@link MetricRegistry#standard}; the registry orders it after the metrics it reads.
 */
public final class MetricCatalog {

    private static final MetricFlag GOODPUT_FLAG = MetricFlag.GOODPUT;

    // ---- record metrics (one value, or a list, per request) ----
    public static final MetricSpec TIME_TO_FIRST_TOKEN = record("time_to_first_token", "Time to First Token",
            NANOSECONDS, MILLISECONDS, 100, STREAMING_ONLY, PRODUCES_TOKENS_ONLY);
    public static final MetricSpec TIME_TO_SECOND_TOKEN = record("time_to_second_token", "Time to Second Token",
            NANOSECONDS, MILLISECONDS, 200, STREAMING_ONLY, PRODUCES_TOKENS_ONLY);
    /** First response carrying non-reasoning text − request start: TTFT without the thinking. */
    public static final MetricSpec TIME_TO_FIRST_OUTPUT_TOKEN = record("time_to_first_output_token",
            "Time to First Output Token", NANOSECONDS, MILLISECONDS, 210, STREAMING_ONLY, PRODUCES_TOKENS_ONLY,
            SUPPORTS_REASONING);
    public static final MetricSpec REQUEST_LATENCY = record("request_latency", "Request Latency",
            NANOSECONDS, MILLISECONDS, 300);
    public static final MetricSpec INTER_TOKEN_LATENCY = record("inter_token_latency", "Inter Token Latency",
            NANOSECONDS, MILLISECONDS, 400, STREAMING_ONLY, PRODUCES_TOKENS_ONLY);
    public static final MetricSpec OUTPUT_TOKEN_THROUGHPUT_PER_USER = record("output_token_throughput_per_user",
            "Output Token Throughput Per User", TOKENS_PER_SECOND_PER_USER, TOKENS_PER_SECOND_PER_USER, 500,
            STREAMING_ONLY, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER);
    public static final MetricSpec E2E_OUTPUT_TOKEN_THROUGHPUT = record("e2e_output_token_throughput",
            "E2E Output Token Throughput", TOKENS_PER_SECOND_PER_USER, TOKENS_PER_SECOND_PER_USER, 510,
            PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER);
    public static final MetricSpec OUTPUT_SEQUENCE_LENGTH = record("output_sequence_length", "Output Sequence Length",
            TOKENS, TOKENS, 600, PRODUCES_TOKENS_ONLY);
    public static final MetricSpec INPUT_SEQUENCE_LENGTH = record("input_sequence_length", "Input Sequence Length",
            TOKENS, TOKENS, 700, TOKENIZES_INPUT_ONLY);
    public static final MetricSpec INTER_CHUNK_LATENCY = new MetricSpec("inter_chunk_latency", "Inter Chunk Latency",
            RECORD, NANOSECONDS, MILLISECONDS, MetricSpec.NO_DISPLAY_ORDER, EnumSet.of(STREAMING_ONLY, NO_CONSOLE),
            true);
    public static final MetricSpec OUTPUT_TOKEN_COUNT = record("output_token_count", "Output Token Count",
            TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY, NO_CONSOLE);
    public static final MetricSpec REASONING_TOKEN_COUNT = record("reasoning_token_count", "Reasoning Token Count",
            TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY, SUPPORTS_REASONING, NO_CONSOLE);
    public static final MetricSpec ERROR_ISL = record("error_isl", "Error ISL",
            TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, ERROR_ONLY, NO_CONSOLE, TOKENIZES_INPUT_ONLY);
    /** ISL / TTFT in seconds: how fast the prompt was taken in. */
    public static final MetricSpec PREFILL_THROUGHPUT_PER_USER = record("prefill_throughput_per_user",
            "Prefill Throughput Per User", TOKENS_PER_SECOND_PER_USER, TOKENS_PER_SECOND_PER_USER,
            MetricSpec.NO_DISPLAY_ORDER, STREAMING_ONLY, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE);
    /** The server's own counts, as its last {@code usage} gave them (reported in both token-count modes). */
    public static final MetricSpec USAGE_PROMPT_TOKENS = record("usage_prompt_tokens", "Usage Prompt Tokens",
            TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, LARGER_IS_BETTER, NO_CONSOLE);
    public static final MetricSpec USAGE_COMPLETION_TOKENS = record("usage_completion_tokens",
            "Usage Completion Tokens", TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY,
            LARGER_IS_BETTER, NO_CONSOLE);
    public static final MetricSpec USAGE_TOTAL_TOKENS = record("usage_total_tokens", "Usage Total Tokens",
            TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE);
    public static final MetricSpec USAGE_REASONING_TOKENS = record("usage_reasoning_tokens",
            "Usage Reasoning Tokens", TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY,
            LARGER_IS_BETTER, NO_CONSOLE);
    /** |server − client| / client · 100, for the prompt, the completion (OSL) and the reasoning. */
    public static final MetricSpec USAGE_PROMPT_TOKENS_DIFF_PCT = record("usage_prompt_tokens_diff_pct",
            "Usage Prompt Diff", PERCENT, PERCENT, MetricSpec.NO_DISPLAY_ORDER, USAGE_DIFF_ONLY, NO_CONSOLE);
    public static final MetricSpec USAGE_COMPLETION_TOKENS_DIFF_PCT = record("usage_completion_tokens_diff_pct",
            "Usage Completion Diff", PERCENT, PERCENT, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY,
            USAGE_DIFF_ONLY, NO_CONSOLE);
    public static final MetricSpec USAGE_REASONING_TOKENS_DIFF_PCT = record("usage_reasoning_tokens_diff_pct",
            "Usage Reasoning Diff", PERCENT, PERCENT, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY,
            SUPPORTS_REASONING, USAGE_DIFF_ONLY, NO_CONSOLE);
    /** The turn's {@code max_tokens}; bookkeeping for the OSL mismatch metrics. */
    public static final MetricSpec REQUESTED_OSL = record("requested_osl", "Requested OSL",
            TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY, INTERNAL);
    /**
     * Request start − credit receipt on the worker. INTERNAL as in AIPerf: here scheduled credits reach the worker
     * ahead of time and are held until their instant, so the value is mostly that intended hold, not a delay.
     */
    public static final MetricSpec CREDIT_DROP_LATENCY = record("credit_drop_latency", "Credit Drop Latency",
            NANOSECONDS, MILLISECONDS, MetricSpec.NO_DISPLAY_ORDER, INTERNAL);
    /** (OSL − requested) / requested · 100, signed: negative when the server stopped early. */
    public static final MetricSpec OSL_MISMATCH_DIFF_PCT = record("osl_mismatch_diff_pct", "OSL Mismatch Diff",
            PERCENT, PERCENT, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY, NO_CONSOLE);
    /** Images the request sent; absent for a request without any. */
    public static final MetricSpec NUM_IMAGES = record("num_images", "Number of Images",
            IMAGES, IMAGES, MetricSpec.NO_DISPLAY_ORDER, SUPPORTS_IMAGE_ONLY, NO_CONSOLE);
    /** num_images / request_latency in seconds. */
    public static final MetricSpec IMAGE_THROUGHPUT = record("image_throughput", "Image Throughput",
            IMAGES_PER_SECOND, IMAGES_PER_SECOND, 860, SUPPORTS_IMAGE_ONLY);
    /** request_latency in ms / num_images. */
    public static final MetricSpec IMAGE_LATENCY = record("image_latency", "Image Latency",
            MS_PER_IMAGE, MS_PER_IMAGE, 861, SUPPORTS_IMAGE_ONLY);
    /** The video server's own generation time ({@code inference_time_s} of the finished job). */
    public static final MetricSpec VIDEO_INFERENCE_TIME = record("video_inference_time", "Video Inference Time",
            SECONDS, MILLISECONDS, 310, PRODUCES_VIDEO_ONLY);
    /** The video server's peak memory ({@code peak_memory_mb} of the finished job). */
    public static final MetricSpec VIDEO_PEAK_MEMORY = record("video_peak_memory", "Video Peak Memory",
            MEGABYTES, MEGABYTES, 311, PRODUCES_VIDEO_ONLY);

    // ---- AIPerf's HTTP trace metrics (k6 names), only when the workers trace the transport phases ----
    /** Client time before the request's bytes could leave, other than the connect itself (pool, set-up). */
    public static final MetricSpec HTTP_REQ_BLOCKED = trace("http_req_blocked", "HTTP Blocked",
            NANOSECONDS, MILLISECONDS, 2000);
    /** Always 0 here: addresses are resolved once at start-up, never during a request. */
    public static final MetricSpec HTTP_REQ_DNS_LOOKUP = trace("http_req_dns_lookup", "HTTP DNS Lookup",
            NANOSECONDS, MILLISECONDS, 2010);
    /** TCP connect (plus the TLS handshake) of a new connection; 0 on a reused one. */
    public static final MetricSpec HTTP_REQ_CONNECTING = trace("http_req_connecting", "HTTP Connecting",
            NANOSECONDS, MILLISECONDS, 2020);
    public static final MetricSpec HTTP_REQ_SENDING = trace("http_req_sending", "HTTP Sending",
            NANOSECONDS, MILLISECONDS, 2030);
    /** First response body byte − request fully sent. */
    public static final MetricSpec HTTP_REQ_WAITING = trace("http_req_waiting", "HTTP Waiting (TTFB)",
            NANOSECONDS, MILLISECONDS, 2040);
    public static final MetricSpec HTTP_REQ_RECEIVING = trace("http_req_receiving", "HTTP Receiving",
            NANOSECONDS, MILLISECONDS, 2050);
    public static final MetricSpec HTTP_REQ_CONNECTION_REUSED = trace("http_req_connection_reused",
            "HTTP Connection Reused", RATIO, RATIO, 2060);
    public static final MetricSpec HTTP_REQ_DATA_SENT = trace("http_req_data_sent", "HTTP Data Sent",
            BYTES, KILOBYTES, 2070);
    public static final MetricSpec HTTP_REQ_CHUNKS_SENT = trace("http_req_chunks_sent", "HTTP Chunks Sent",
            COUNT, COUNT, 2080);
    public static final MetricSpec HTTP_REQ_DATA_RECEIVED = trace("http_req_data_received", "HTTP Data Received",
            BYTES, KILOBYTES, 2090);
    public static final MetricSpec HTTP_REQ_CHUNKS_RECEIVED = trace("http_req_chunks_received",
            "HTTP Chunks Received", COUNT, COUNT, 2100);
    /** blocked + dns_lookup + connecting. */
    public static final MetricSpec HTTP_REQ_CONNECTION_OVERHEAD = trace("http_req_connection_overhead",
            "HTTP Connection Overhead", NANOSECONDS, MILLISECONDS, 2110);
    /** sending + waiting + receiving, measured from the send start to the last byte. */
    public static final MetricSpec HTTP_REQ_DURATION = trace("http_req_duration", "HTTP Duration (excl. conn)",
            NANOSECONDS, MILLISECONDS, 2120);
    /** The six phases summed: here exactly the last byte − the request start. */
    public static final MetricSpec HTTP_REQ_TOTAL = trace("http_req_total", "HTTP Total Time",
            NANOSECONDS, MILLISECONDS, 2130);

    // ---- ours, beyond AIPerf: coordinated omission (requests with a scheduled send time only) ----
    /** Actual send − scheduled send; negative when the request left early. */
    public static final MetricSpec SEND_LAG = record("send_lag", "Send Lag",
            NANOSECONDS, MILLISECONDS, 1200, EXTENSION);
    /** First content response − scheduled send (streaming only). */
    public static final MetricSpec SCHEDULED_TIME_TO_FIRST_TOKEN = record("scheduled_time_to_first_token",
            "Schedule-Relative Time to First Token", NANOSECONDS, MILLISECONDS, 1210, STREAMING_ONLY, PRODUCES_TOKENS_ONLY,
            EXTENSION);
    /** Last content response − scheduled send. */
    public static final MetricSpec SCHEDULED_REQUEST_LATENCY = record("scheduled_request_latency",
            "Schedule-Relative Request Latency", NANOSECONDS, MILLISECONDS, 1220, EXTENSION);

    // ---- run-level metrics (one value per run) ----
    public static final MetricSpec OUTPUT_TOKEN_THROUGHPUT = single("output_token_throughput",
            "Output Token Throughput", DERIVED, TOKENS_PER_SECOND, TOKENS_PER_SECOND, 800, PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER);
    public static final MetricSpec REQUEST_THROUGHPUT = single("request_throughput", "Request Throughput",
            DERIVED, REQUESTS_PER_SECOND, REQUESTS_PER_SECOND, 900, LARGER_IS_BETTER);
    public static final MetricSpec REQUEST_COUNT = single("request_count", "Request Count",
            AGGREGATE, REQUESTS, REQUESTS, 1100);
    public static final MetricSpec ERROR_REQUEST_COUNT = single("error_request_count", "Error Request Count",
            AGGREGATE, REQUESTS, REQUESTS, MetricSpec.NO_DISPLAY_ORDER, ERROR_ONLY);
    public static final MetricSpec BENCHMARK_DURATION = single("benchmark_duration", "Benchmark Duration",
            DERIVED, NANOSECONDS, SECONDS, MetricSpec.NO_DISPLAY_ORDER, NO_CONSOLE);
    public static final MetricSpec TOTAL_OUTPUT_TOKENS = single("total_output_tokens", "Total Output Tokens",
            DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, NO_CONSOLE);
    public static final MetricSpec TOTAL_REASONING_TOKENS = single("total_reasoning_tokens",
            "Total Reasoning Tokens", DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, NO_CONSOLE);
    public static final MetricSpec TOTAL_ISL = single("total_isl", "Total ISL",
            DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, NO_CONSOLE);
    public static final MetricSpec TOTAL_OSL = single("total_osl", "Total OSL",
            DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, NO_CONSOLE);
    public static final MetricSpec TOTAL_TOKEN_THROUGHPUT = single("total_token_throughput", "Total Token Throughput",
            DERIVED, TOKENS_PER_SECOND, TOKENS_PER_SECOND, MetricSpec.NO_DISPLAY_ORDER, NO_CONSOLE, LARGER_IS_BETTER);
    public static final MetricSpec TOTAL_ERROR_ISL = single("total_error_isl", "Total Error ISL",
            DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, ERROR_ONLY, NO_CONSOLE);
    public static final MetricSpec MIN_REQUEST_TIMESTAMP = single("min_request_timestamp", "Minimum Request Timestamp",
            AGGREGATE, NANOSECONDS, NANOSECONDS, MetricSpec.NO_DISPLAY_ORDER, INTERNAL, NO_CONSOLE);
    public static final MetricSpec MAX_RESPONSE_TIMESTAMP = single("max_response_timestamp",
            "Maximum Response Timestamp", AGGREGATE, NANOSECONDS, NANOSECONDS, MetricSpec.NO_DISPLAY_ORDER, INTERNAL,
            NO_CONSOLE);
    /** Good requests per second ({@code --goodput}). */
    public static final MetricSpec GOODPUT = single("goodput", "Goodput", DERIVED, REQUESTS_PER_SECOND,
            REQUESTS_PER_SECOND, 1000, GOODPUT_FLAG);
    /** Valid requests that met every {@code --goodput} SLO. */
    public static final MetricSpec GOOD_REQUEST_COUNT = single("good_request_count", "Good Request Count",
            AGGREGATE, REQUESTS, REQUESTS, MetricSpec.NO_DISPLAY_ORDER, GOODPUT_FLAG, NO_CONSOLE);
    /** Requests whose prompt, completion or reasoning usage differs from the client's count by more than 10 %. */
    public static final MetricSpec USAGE_DISCREPANCY_COUNT = single("usage_discrepancy_count",
            "Usage Discrepancy Count", AGGREGATE, REQUESTS, REQUESTS, MetricSpec.NO_DISPLAY_ORDER, USAGE_DIFF_ONLY,
            NO_CONSOLE);
    /** Requests whose OSL is more than min(5 % of requested, 50) tokens away from the requested max_tokens. */
    public static final MetricSpec OSL_MISMATCH_COUNT = single("osl_mismatch_count", "OSL Mismatch Count",
            AGGREGATE, REQUESTS, REQUESTS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY, NO_CONSOLE);
    public static final MetricSpec TOTAL_USAGE_PROMPT_TOKENS = single("total_usage_prompt_tokens",
            "Total Usage Prompt Tokens", DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, LARGER_IS_BETTER,
            NO_CONSOLE);
    public static final MetricSpec TOTAL_USAGE_COMPLETION_TOKENS = single("total_usage_completion_tokens",
            "Total Usage Completion Tokens", DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER,
            PRODUCES_TOKENS_ONLY, LARGER_IS_BETTER, NO_CONSOLE);
    public static final MetricSpec TOTAL_USAGE_TOTAL_TOKENS = single("total_usage_total_tokens",
            "Total Usage Total Tokens", DERIVED, TOKENS, TOKENS, MetricSpec.NO_DISPLAY_ORDER, PRODUCES_TOKENS_ONLY,
            LARGER_IS_BETTER, NO_CONSOLE);
    /**
     * Ours (AIPerf adds it after 0.7.0): good requests / all profiling requests, failed ones included, so a run
     * that drops traffic cannot look good because its survivors were fast.
     */
    public static final MetricSpec GOOD_REQUEST_FRACTION = single("good_request_fraction", "Good Request Fraction",
            DERIVED, RATIO, RATIO, MetricSpec.NO_DISPLAY_ORDER, GOODPUT_FLAG, LARGER_IS_BETTER, NO_CONSOLE,
            EXTENSION);

    /** Every metric, catalogue order. */
    public static final List<MetricSpec> ALL = List.of(
            TIME_TO_FIRST_TOKEN, TIME_TO_SECOND_TOKEN, TIME_TO_FIRST_OUTPUT_TOKEN, REQUEST_LATENCY, INTER_TOKEN_LATENCY,
            OUTPUT_TOKEN_THROUGHPUT_PER_USER, E2E_OUTPUT_TOKEN_THROUGHPUT, OUTPUT_SEQUENCE_LENGTH,
            INPUT_SEQUENCE_LENGTH, INTER_CHUNK_LATENCY, OUTPUT_TOKEN_COUNT, REASONING_TOKEN_COUNT, ERROR_ISL,
            PREFILL_THROUGHPUT_PER_USER, USAGE_PROMPT_TOKENS, USAGE_COMPLETION_TOKENS, USAGE_TOTAL_TOKENS,
            USAGE_REASONING_TOKENS, USAGE_PROMPT_TOKENS_DIFF_PCT, USAGE_COMPLETION_TOKENS_DIFF_PCT,
            USAGE_REASONING_TOKENS_DIFF_PCT, CREDIT_DROP_LATENCY, REQUESTED_OSL, OSL_MISMATCH_DIFF_PCT,
            NUM_IMAGES, IMAGE_THROUGHPUT, IMAGE_LATENCY, VIDEO_INFERENCE_TIME, VIDEO_PEAK_MEMORY,
            HTTP_REQ_BLOCKED, HTTP_REQ_DNS_LOOKUP, HTTP_REQ_CONNECTING, HTTP_REQ_SENDING, HTTP_REQ_WAITING,
            HTTP_REQ_RECEIVING, HTTP_REQ_CONNECTION_REUSED, HTTP_REQ_DATA_SENT, HTTP_REQ_CHUNKS_SENT,
            HTTP_REQ_DATA_RECEIVED, HTTP_REQ_CHUNKS_RECEIVED, HTTP_REQ_CONNECTION_OVERHEAD, HTTP_REQ_DURATION,
            HTTP_REQ_TOTAL,
            OUTPUT_TOKEN_THROUGHPUT, REQUEST_THROUGHPUT, REQUEST_COUNT, ERROR_REQUEST_COUNT, BENCHMARK_DURATION,
            TOTAL_OUTPUT_TOKENS, TOTAL_REASONING_TOKENS, TOTAL_ISL, TOTAL_OSL, TOTAL_TOKEN_THROUGHPUT,
            TOTAL_ERROR_ISL, MIN_REQUEST_TIMESTAMP, MAX_RESPONSE_TIMESTAMP,
            GOODPUT, GOOD_REQUEST_COUNT, USAGE_DISCREPANCY_COUNT, OSL_MISMATCH_COUNT, TOTAL_USAGE_PROMPT_TOKENS,
            TOTAL_USAGE_COMPLETION_TOKENS, TOTAL_USAGE_TOTAL_TOKENS,
            SEND_LAG, SCHEDULED_TIME_TO_FIRST_TOKEN, SCHEDULED_REQUEST_LATENCY, GOOD_REQUEST_FRACTION);

    /**
     * The order AIPerf declares metric keys in {@code profile_export_aiperf.json}; metrics not listed follow in
     * catalogue order.
     */
    public static final List<String> JSON_DECLARED_ORDER = List.of(
            "request_throughput", "request_latency", "request_count", "time_to_first_token", "time_to_second_token",
            "inter_token_latency", "output_token_throughput", "output_token_throughput_per_user",
            "output_sequence_length", "input_sequence_length", "goodput", "good_request_count", "output_token_count",
            "reasoning_token_count", "min_request_timestamp", "max_response_timestamp", "inter_chunk_latency",
            "total_output_tokens", "total_reasoning_tokens", "benchmark_duration", "total_isl", "total_osl",
            "error_request_count", "error_isl", "total_error_isl");

    private static final Map<String, MetricSpec> BY_TAG;

    static {
        Map<String, MetricSpec> byTag = new LinkedHashMap<>();
        for (MetricSpec spec : ALL) {
            if (byTag.put(spec.tag(), spec) != null) {
                throw new IllegalStateException("duplicate metric tag " + spec.tag());
            }
        }
        BY_TAG = Collections.unmodifiableMap(byTag);
    }

    private MetricCatalog() {
    }

    public static Optional<MetricSpec> find(String tag) {
        return Optional.ofNullable(BY_TAG.get(tag));
    }

    public static MetricSpec get(String tag) {
        MetricSpec spec = BY_TAG.get(tag);
        if (spec == null) {
            throw new IllegalArgumentException("unknown metric tag: " + tag);
        }
        return spec;
    }

    /** Catalogue position, for ordering; unknown tags sort last. */
    public static int position(String tag) {
        MetricSpec spec = BY_TAG.get(tag);
        return spec == null ? Integer.MAX_VALUE : ALL.indexOf(spec);
    }

    /** The record metrics, catalogue order. */
    public static List<MetricSpec> recordMetrics() {
        List<MetricSpec> out = new ArrayList<>();
        for (MetricSpec spec : ALL) {
            if (spec.kind() == RECORD) {
                out.add(spec);
            }
        }
        return List.copyOf(out);
    }

    private static MetricSpec record(String tag, String header, MetricUnit base, MetricUnit display, int order,
                                     MetricFlag... flags) {
        return new MetricSpec(tag, header, RECORD, base, display, order, flagSet(flags), false);
    }

    /** An HTTP trace metric: per request, HTTP_TRACE_ONLY and NO_CONSOLE (its own console table shows it). */
    private static MetricSpec trace(String tag, String header, MetricUnit base, MetricUnit display, int order) {
        return record(tag, header, base, display, order, HTTP_TRACE_ONLY, NO_CONSOLE);
    }

    private static MetricSpec single(String tag, String header, MetricKind kind, MetricUnit base, MetricUnit display,
                                     int order, MetricFlag... flags) {
        EnumSet<MetricFlag> set = flagSet(flags);
        set.add(NO_INDIVIDUAL_RECORDS);
        return new MetricSpec(tag, header, kind, base, display, order, set, false);
    }

    private static EnumSet<MetricFlag> flagSet(MetricFlag... flags) {
        EnumSet<MetricFlag> set = EnumSet.noneOf(MetricFlag.class);
        Collections.addAll(set, flags);
        return set;
    }
}
