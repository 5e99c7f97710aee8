package io.aiperf.records.metric;

/** Properties of a metric that decide when it is computed and where it is shown (AIPerf's {@code MetricFlags}). */
public enum MetricFlag {
    /** Only meaningful with {@code --streaming} (needs per-chunk timing). */
    STREAMING_ONLY,
    /** Only for endpoints that answer with generated text (not embeddings or rankings). */
    PRODUCES_TOKENS_ONLY,
    /** Only for endpoints whose input is tokenized text (all but {@code image_retrieval}). */
    TOKENIZES_INPUT_ONLY,
    /** Only for endpoints whose requests may carry images; absent for a request without any. */
    SUPPORTS_IMAGE_ONLY,
    /** Only for endpoints that answer with a video job ({@code video_generation}). */
    PRODUCES_VIDEO_ONLY,
    /** Reads reasoning output; absent when the answer had none. Informational (AIPerf's SUPPORTS_REASONING). */
    SUPPORTS_REASONING,
    /**
     * Compares the client's token counts with the server's {@code usage}; dropped with
     * {@code --use-server-token-count}, where both sides would be the server's.
     */
    USAGE_DIFF_ONLY,
    /** Computed only when {@code --goodput} gives SLOs. */
    GOODPUT,
    /**
     * Computed only when the workers trace each request's transport phases ({@code --export-http-trace} or
     * {@code --show-trace-timing}); shown on the console only in the HTTP trace timing table.
     */
    HTTP_TRACE_ONLY,
    /** Computed for every request but kept out of the console table (still in JSON/CSV/JSONL). */
    NO_CONSOLE,
    /** Computed only for failed requests; never on the console. */
    ERROR_ONLY,
    /** A higher value is better (throughputs); used for SLO comparisons. */
    LARGER_IS_BETTER,
    /** A run-level value that has no per-request form, so it is not written to {@code profile_export.jsonl}. */
    NO_INDIVIDUAL_RECORDS,
    /** Bookkeeping only: not shown and not exported. */
    INTERNAL,
    /**
     * Ours, beyond AIPerf: sorted after all of AIPerf's metrics in every export and on the console, so AIPerf's
     * rows and keys keep the positions AIPerf gives them.
     */
    EXTENSION
}
