package io.aiperf.mock;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How one mock server instance behaves. Immutable; build variants with the {@code with*} methods.
 *
 * @param host         interface to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
 * @param port         TCP port; 0 picks a free ephemeral port
 * @param ttftMs       time to first token, measured from the moment the whole request was received
 * @param itlMs        inter-token latency between consecutive streamed tokens
 * @param fast         when true, ttft and itl are treated as 0 whatever they are set to
 * @param errorRatePct percentage [0, 100] of inference requests answered with HTTP 500
 * @param randomSeed   seed for error injection; null draws a fresh seed per server
 * @param latencies    embeddings and rankings latencies (base + per item)
 * @param reasoningTokens  when &gt; 0, every chat and responses answer starts with this many reasoning tokens,
 *                         whatever the model and {@code reasoning_effort}; 0 leaves reasoning to AIPerf's trigger
 *                         (see {@link Reasoning})
 * @param usageTokenOffset added to the {@code prompt_tokens} and {@code completion_tokens} (input/output tokens)
 *                         the server reports in {@code usage}, not to the text it sends: a server whose tokenizer
 *                         disagrees with the client's, so tests can tell server counts from client counts
 * @param faultsPct    percentage of inference requests that get each injected {@link Fault} besides
 *                     {@link Fault#HTTP_500} (which is {@code errorRatePct}); with it, the sum is at most 100
 * @param dcgm         the DCGM faker behind {@code /dcgm{N}/metrics}
 */
public record MockConfig(
        String host, int port, double ttftMs, double itlMs, boolean fast, double errorRatePct, Long randomSeed,
        ItemLatencies latencies, int reasoningTokens, int usageTokenOffset, Map<Fault, Double> faultsPct,
        DcgmConfig dcgm) {

    /**
     * Non-generative answers take base + per-item time (AIPerf's mock: {@code --embedding-base-latency},
     * {@code --embedding-per-input-latency}, {@code --ranking-base-latency}, {@code --ranking-per-passage-latency}).
     */
    public record ItemLatencies(double embeddingBaseMs, double embeddingPerInputMs, double rankingBaseMs,
                                double rankingPerPassageMs, double imageRetrievalBaseMs,
                                double imageRetrievalPerImageMs, double videoJobMs) {

        /** With the default image retrieval latencies and video job time. */
        public ItemLatencies(double embeddingBaseMs, double embeddingPerInputMs, double rankingBaseMs,
                             double rankingPerPassageMs) {
            this(embeddingBaseMs, embeddingPerInputMs, rankingBaseMs, rankingPerPassageMs,
                    IMAGE_RETRIEVAL_BASE_LATENCY_MS, IMAGE_RETRIEVAL_PER_IMAGE_LATENCY_MS, VIDEO_JOB_MS);
        }

        public ItemLatencies {
            for (double ms : new double[] {embeddingBaseMs, embeddingPerInputMs, rankingBaseMs, rankingPerPassageMs,
                    imageRetrievalBaseMs, imageRetrievalPerImageMs, videoJobMs}) {
                if (!(ms >= 0) || Double.isInfinite(ms)) {
                    throw new IllegalArgumentException("latencies must be finite numbers >= 0 ms, got " + ms);
                }
            }
        }

        public static ItemLatencies defaults() {
            return new ItemLatencies(EMBEDDING_BASE_LATENCY_MS, EMBEDDING_PER_INPUT_LATENCY_MS,
                    RANKING_BASE_LATENCY_MS, RANKING_PER_PASSAGE_LATENCY_MS);
        }
    }

    /** With the default embeddings and rankings latencies. */
    public MockConfig(String host, int port, double ttftMs, double itlMs, boolean fast, double errorRatePct,
                      Long randomSeed) {
        this(host, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, ItemLatencies.defaults(), 0, 0, Map.of(),
                DcgmConfig.defaults());
    }

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final double DEFAULT_TTFT_MS = 20.0;
    public static final double DEFAULT_ITL_MS = 5.0;

    public MockConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
        }
        // NaN fails every comparison, so test for the valid range rather than the invalid one.
        if (!(ttftMs >= 0) || Double.isInfinite(ttftMs)) {
            throw new IllegalArgumentException("ttft must be a finite number >= 0 ms, got " + ttftMs);
        }
        if (!(itlMs >= 0) || Double.isInfinite(itlMs)) {
            throw new IllegalArgumentException("itl must be a finite number >= 0 ms, got " + itlMs);
        }
        if (dcgm == null) {
            throw new IllegalArgumentException("dcgm must not be null");
        }
        if (latencies == null) {
            throw new IllegalArgumentException("latencies must not be null");
        }
        if (!(errorRatePct >= 0 && errorRatePct <= 100)) {
            throw new IllegalArgumentException("error rate must be in [0, 100] percent, got " + errorRatePct);
        }
        if (reasoningTokens < 0) {
            throw new IllegalArgumentException("reasoning tokens must be >= 0, got " + reasoningTokens);
        }
        if (usageTokenOffset < 0) {
            throw new IllegalArgumentException("usage token offset must be >= 0, got " + usageTokenOffset);
        }
        EnumMap<Fault, Double> faults = new EnumMap<>(Fault.class);
        if (faultsPct != null) {
            faults.putAll(faultsPct);
        }
        faults.remove(Fault.HTTP_500); // errorRatePct is the one place for it
        double total = errorRatePct;
        for (Map.Entry<Fault, Double> e : faults.entrySet()) {
            double pct = e.getValue();
            if (!(pct >= 0 && pct <= 100)) {
                throw new IllegalArgumentException(e.getKey().cliName + " rate must be in [0, 100] percent, got "
                        + pct);
            }
            total += pct;
        }
        if (total > 100 + 1e-9) {
            throw new IllegalArgumentException("fault rates (with the error rate) add up to " + total
                    + " percent, more than 100");
        }
        faults.values().removeIf(pct -> pct == 0); // off is off, so equal configs compare equal
        faultsPct = Collections.unmodifiableMap(faults);
    }

    /** Embeddings answer after base + per-input latency (AIPerf's mock defaults). */
    public static final double EMBEDDING_BASE_LATENCY_MS = 10.0;
    public static final double EMBEDDING_PER_INPUT_LATENCY_MS = 2.0;
    /** Rankings answer after base + per-passage latency (AIPerf's mock defaults). */
    public static final double RANKING_BASE_LATENCY_MS = 10.0;
    public static final double RANKING_PER_PASSAGE_LATENCY_MS = 1.0;
    /** AIPerf's mock: {@code --image-retrieval-base-latency} and {@code --image-retrieval-per-image-latency}. */
    public static final double IMAGE_RETRIEVAL_BASE_LATENCY_MS = 10.0;
    public static final double IMAGE_RETRIEVAL_PER_IMAGE_LATENCY_MS = 5.0;
    /** Ours (AIPerf's mock has no video route): how long a video job takes from submit to completed. */
    public static final double VIDEO_JOB_MS = 300.0;

    /** The standalone defaults: 127.0.0.1:8000, ttft 20 ms, itl 5 ms, no errors. */
    public static MockConfig defaults() {
        return new MockConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TTFT_MS, DEFAULT_ITL_MS, false, 0.0, null);
    }

    /** Defaults on an ephemeral port: what in-process tests want. */
    public static MockConfig ephemeral() {
        return defaults().withPort(0);
    }

    public MockConfig withHost(String newHost) {
        return new MockConfig(newHost, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, latencies, reasoningTokens,
                usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withPort(int newPort) {
        return new MockConfig(host, newPort, ttftMs, itlMs, fast, errorRatePct, randomSeed, latencies, reasoningTokens,
                usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withTiming(double newTtftMs, double newItlMs) {
        return new MockConfig(host, port, newTtftMs, newItlMs, fast, errorRatePct, randomSeed, latencies,
                reasoningTokens, usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withFast(boolean newFast) {
        return new MockConfig(host, port, ttftMs, itlMs, newFast, errorRatePct, randomSeed, latencies, reasoningTokens,
                usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withErrorRate(double newErrorRatePct, Long newRandomSeed) {
        return new MockConfig(host, port, ttftMs, itlMs, fast, newErrorRatePct, newRandomSeed, latencies,
                reasoningTokens, usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withLatencies(ItemLatencies newLatencies) {
        return new MockConfig(host, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, newLatencies, reasoningTokens,
                usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withReasoningTokens(int newReasoningTokens) {
        return new MockConfig(host, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, latencies, newReasoningTokens,
                usageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withUsageTokenOffset(int newUsageTokenOffset) {
        return new MockConfig(host, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, latencies, reasoningTokens,
                newUsageTokenOffset, faultsPct, dcgm);
    }

    public MockConfig withDcgm(DcgmConfig newDcgm) {
        return new MockConfig(host, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, latencies, reasoningTokens,
                usageTokenOffset, faultsPct, newDcgm);
    }

    /** With {@code pct} percent of inference requests getting {@code fault} ({@link Fault#HTTP_500}: the error rate). */
    public MockConfig withFault(Fault fault, double pct) {
        if (fault == Fault.HTTP_500) {
            return withErrorRate(pct, randomSeed);
        }
        EnumMap<Fault, Double> faults = new EnumMap<>(Fault.class);
        faults.putAll(faultsPct);
        faults.put(fault, pct);
        return new MockConfig(host, port, ttftMs, itlMs, fast, errorRatePct, randomSeed, latencies, reasoningTokens,
                usageTokenOffset, faults, dcgm);
    }

    /** Every fault's percentage, {@link Fault#HTTP_500} included: what the {@link FaultInjector} draws from. */
    public Map<Fault, Double> faultRatesPct() {
        EnumMap<Fault, Double> all = new EnumMap<>(Fault.class);
        all.putAll(faultsPct);
        all.put(Fault.HTTP_500, errorRatePct);
        return all;
    }

    /** Effective time to first token in nanoseconds; 0 in fast mode. */
    public long ttftNs() {
        return fast ? 0 : msToNs(ttftMs);
    }

    /** Effective inter-token latency in nanoseconds; 0 in fast mode. */
    public long itlNs() {
        return fast ? 0 : msToNs(itlMs);
    }

    /** Time to answer an embeddings request with {@code inputs} inputs; 0 in fast mode. */
    public long embeddingLatencyNs(int inputs) {
        return fast ? 0 : msToNs(latencies.embeddingBaseMs() + latencies.embeddingPerInputMs() * inputs);
    }

    /** Time to answer a rankings request with {@code passages} passages; 0 in fast mode. */
    public long rankingLatencyNs(int passages) {
        return fast ? 0 : msToNs(latencies.rankingBaseMs() + latencies.rankingPerPassageMs() * passages);
    }

    /** Time to answer an image retrieval request with {@code images} images; 0 in fast mode. */
    public long imageRetrievalLatencyNs(int images) {
        return fast ? 0 : msToNs(latencies.imageRetrievalBaseMs() + latencies.imageRetrievalPerImageMs() * images);
    }

    /**
     * How long a video job runs from submit to completed. Not 0 in fast mode: a job that is done before its first
     * poll would not exercise polling; fast mode makes it {@value #FAST_VIDEO_JOB_MS} ms instead.
     */
    public long videoJobNs() {
        return msToNs(fast ? Math.min(FAST_VIDEO_JOB_MS, latencies.videoJobMs()) : latencies.videoJobMs());
    }

    static final double FAST_VIDEO_JOB_MS = 150.0;

    private static long msToNs(double ms) {
        return Math.round(ms * TimeUnit.MILLISECONDS.toNanos(1));
    }
}
