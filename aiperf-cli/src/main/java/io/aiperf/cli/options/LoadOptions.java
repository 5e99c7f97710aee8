package io.aiperf.cli.options;

import picocli.CommandLine.Option;

/** AIPerf's "Load Generator" option group (the part step 1 runs). */
public final class LoadOptions {

    @Option(names = "--concurrency", paramLabel = "N", description = "Requests in flight at once (default: 1).")
    public Integer concurrency;

    @Option(names = {"--request-count", "--num-requests"}, paramLabel = "N",
            description = "Profiling requests to send (default: max(10, 2 x concurrency)).")
    public Long requestCount;

    @Option(names = {"--warmup-request-count", "--num-warmup-requests"}, paramLabel = "N",
            description = "Requests sent before profiling; excluded from results.")
    public Long warmupRequestCount;
}
