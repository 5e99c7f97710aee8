package io.aiperf.core.config;

/**
 * How load is applied.
 *
 * @param concurrency        {@code --concurrency}: sessions in flight at once
 * @param requestCount       profiling requests to send (AIPerf default resolved by the CLI)
 * @param warmupRequestCount {@code --warmup-request-count}, 0 for none; warmup records are not in results
 */
public record LoadConfig(int concurrency, long requestCount, long warmupRequestCount) {

    public LoadConfig {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (requestCount < 1) {
            throw new IllegalArgumentException("request count must be at least 1");
        }
        if (warmupRequestCount < 0) {
            throw new IllegalArgumentException("warmup request count must not be negative");
        }
    }
}
