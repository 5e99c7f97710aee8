package io.aiperf.mock;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the server has served, shared by every event loop of one server: the token meter the DCGM faker's load
 * follows, and the counters and histograms behind the vLLM-like {@code /metrics}. Every update is an atomic add
 * (a {@link LongAdder} where many loops add at once), never a lock; scrapes read the sums.
 *
 * <p>Counters restart from 0 on {@link #resetCounters()} (a new {@link Tally} replaces the old one), as a restarted
 * server's would. The token meter itself never restarts: the DCGM faker measures throughput as its difference
 * between scrapes, and a reset must not look like negative traffic.
 *
 * <p>Times are the ones the mock schedules, not measured: its time to first token and inter-token latency per
 * request are known in advance; only the end-to-end latency is measured (arrival to the last write).
 */
final class ServedTraffic {

    /** Notional KV-cache size, in tokens, that running requests' tokens fill: a small GPU's worth. */
    static final long KV_CAPACITY_TOKENS = 131_072;

    /** vLLM's bucket bounds, in seconds. */
    static final double[] TTFT_BUCKETS = {0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0,
        2.5, 5.0, 7.5, 10.0, 20.0, 40.0, 80.0, 160.0, 640.0, 2560.0};
    static final double[] ITL_BUCKETS = {0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5,
        5.0, 7.5, 10.0, 20.0, 40.0, 80.0};
    static final double[] E2E_BUCKETS = {0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 40.0, 50.0,
        60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0};

    /** The counters since start or the last reset. */
    static final class Tally {
        final long generatedBase;
        final LongAdder promptTokens = new LongAdder();
        final LongAdder prefixQueries = new LongAdder();
        final LongAdder prefixHits = new LongAdder();
        final LongAdder stopped = new LongAdder();
        final LongAdder cut = new LongAdder();
        final LongAdder aborted = new LongAdder();
        final LongAdder failed = new LongAdder();
        final Histogram ttft = new Histogram(TTFT_BUCKETS);
        final Histogram itl = new Histogram(ITL_BUCKETS);
        final Histogram e2e = new Histogram(E2E_BUCKETS);

        private Tally(long generatedBase) {
            this.generatedBase = generatedBase;
        }
    }

    private final LongAdder generated = new LongAdder();
    private final AtomicLong kvTokens = new AtomicLong();
    private final PrefixCache prefixes = new PrefixCache();
    private final AtomicReference<String> model = new AtomicReference<>();
    private volatile Tally tally = new Tally(0);

    /** {@code tokens} generated tokens were written (streamed events, or a whole answer's tokens). */
    void generated(long tokens) {
        generated.add(tokens);
    }

    /** Generated tokens since the server started: what throughput is measured from. Never goes back. */
    long generatedSinceStart() {
        return generated.sum();
    }

    /**
     * {@code exchange} gets a normal generated answer planned as {@code plan} for {@code prompt}: counts its prompt,
     * its prefix-cache lookup and its KV-cache share now, and its outcome when the exchange ends. {@code streamed}
     * answers count their tokens as they are written ({@link SseResponder}); whole ones when sent.
     */
    void answering(Exchange exchange, OutputPlan plan, String prompt, String modelName, long ttftNs, long itlNs,
                   boolean streamed) {
        Tally t = tally;
        if (modelName != null && model.get() == null) {
            model.compareAndSet(null, modelName);
        }
        t.promptTokens.add(plan.promptTokens());
        // Counted in tokens, as vLLM counts its prefix-cache queries and hits.
        t.prefixQueries.add(plan.promptTokens());
        if (prefixes.seen(prompt)) {
            t.prefixHits.add(Math.min(plan.promptTokens(), PrefixCache.prefixTokens(prompt)));
        }
        long kv = plan.promptTokens() + plan.generatedTokens();
        kvTokens.addAndGet(kv);
        long generatedTokens = plan.generatedTokens();
        exchange.onFinish(() -> {
            kvTokens.addAndGet(-kv);
            Tally now = tally; // a reset while the request ran counts it in the new tally
            if (!exchange.delivered()) {
                now.aborted.increment();
                return;
            }
            if (!streamed) {
                generated(generatedTokens);
            }
            ("length".equals(plan.finishReason()) ? now.cut : now.stopped).increment();
            now.ttft.observe(ttftNs / 1e9, 1);
            now.itl.observe(itlNs / 1e9, generatedTokens - 1);
            now.e2e.observe((System.nanoTime() - exchange.arrivalNs()) / 1e9, 1);
        });
    }

    /** An inference request got an error, an injected fault or a refusal instead of a normal answer. */
    void failed() {
        tally.failed.increment();
    }

    /** Restarts every counter and histogram from 0; the token meter and the gauges go on. */
    void resetCounters() {
        tally = new Tally(generated.sum());
    }

    Tally tally() {
        return tally;
    }

    /** Generated tokens since start or the last reset. */
    long generatedTokens(Tally t) {
        return Math.max(0, generated.sum() - t.generatedBase);
    }

    /** Share [0, 1] of the notional KV cache the running requests' prompt and planned output tokens fill. */
    double kvCacheUsage() {
        return Math.min(1.0, Math.max(0, kvTokens.get()) / (double) KV_CAPACITY_TOKENS);
    }

    /** The first model a request named, else the mock's own; the {@code model_name} label. */
    String modelName() {
        String name = model.get();
        return name != null ? name : ModelsRoute.MODEL_ID;
    }
}
