package io.aiperf.cli.options;

import picocli.CommandLine.Option;

import java.util.List;

/**
 * AIPerf's "Load Generator" option group. Fields stay null when the option is not given, because several of
 * AIPerf's rules depend on whether the user set an option, not on its value; {@link LoadConfigResolver} applies
 * the defaults named in the descriptions.
 */
public final class LoadOptions {

    // --- profiling load shape -------------------------------------------------------------------------------

    /** The level of this run; with a list, the first until the sweep sets each in turn. */
    public Integer concurrency;
    /** Every level given: more than one makes a sweep (one run per level). */
    public List<Integer> concurrencyLevels = List.of();

    @Option(names = "--concurrency", paramLabel = "N[,N...]", split = ",",
            description = "Sessions in flight at once (default: 1 without --request-rate; no limit with it). A "
                    + "list (1,2,5,10) runs one benchmark per level into c1/, c2/, ... and writes "
                    + "sweep_summary.json/.csv.")
    void concurrency(List<Integer> levels) {
        concurrencyLevels = List.copyOf(levels);
        concurrency = levels.isEmpty() ? null : levels.get(0);
    }

    @Option(names = "--prefill-concurrency", paramLabel = "N",
            description = "Requests waiting for their first token at once; needs --streaming (default: no limit).")
    public Integer prefillConcurrency;

    /** The rate of this run; with a list, the first until the sweep sets each in turn. */
    public Double requestRate;
    /** Every rate given: more than one makes a sweep (one run per rate). */
    public List<Double> requestRateLevels = List.of();

    @Option(names = "--request-rate", paramLabel = "RPS[,RPS...]", split = ",", converter = PythonFloat.class,
            description = "Target requests per second, paced by --arrival-pattern (default: none, as fast as "
                    + "--concurrency allows). A list (10,20,40) runs one benchmark per rate into r10/, r20/, ... "
                    + "and writes sweep_summary.json/.csv.")
    void requestRate(List<Double> levels) {
        requestRateLevels = List.copyOf(levels);
        requestRate = levels.isEmpty() ? null : levels.get(0);
    }

    @Option(names = {"--arrival-pattern", "--request-rate-mode"}, paramLabel = "PATTERN",
            description = "Gaps between --request-rate arrivals: constant, poisson, gamma or concurrency_burst "
                    + "(default: poisson; gamma when --arrival-smoothness is given).")
    public String arrivalPattern;

    @Option(names = {"--arrival-smoothness", "--vllm-burstiness"}, paramLabel = "K", converter = PythonFloat.class,
            description = "Gamma shape of the arrivals: 1 = poisson-like, <1 burstier, >1 smoother; same value as "
                    + "vLLM's --burstiness (default: 1).")
    public Double arrivalSmoothness;

    @Option(names = "--request-rate-ramp-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Seconds to raise the request rate gradually to --request-rate.")
    public Double requestRateRampDuration;

    @Option(names = "--concurrency-ramp-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Seconds to raise the concurrency limit from 1 to --concurrency.")
    public Double concurrencyRampDuration;

    @Option(names = "--prefill-concurrency-ramp-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Seconds to raise the prefill limit from 1 to --prefill-concurrency.")
    public Double prefillConcurrencyRampDuration;

    // --- profiling stop conditions --------------------------------------------------------------------------

    @Option(names = {"--request-count", "--num-requests"}, paramLabel = "N",
            description = "Profiling requests to send (default: the trace's entries with a fixed schedule, else "
                    + "10 with --request-rate, else max(10, 2 x concurrency); none with --benchmark-duration or "
                    + "--num-sessions).")
    public Long requestCount;

    @Option(names = "--benchmark-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Stop sending new requests after this many seconds.")
    public Double benchmarkDuration;

    @Option(names = "--benchmark-grace-period", paramLabel = "S", converter = PythonFloat.class,
            description = "After --benchmark-duration, seconds to wait for requests still in flight before "
                    + "abandoning them; 'inf' waits for all (default: 30; inf with --user-centric-rate).")
    public Double benchmarkGracePeriod;

    // --- warmup ---------------------------------------------------------------------------------------------

    @Option(names = {"--warmup-request-count", "--num-warmup-requests"}, paramLabel = "N",
            description = "Requests sent before profiling; excluded from results.")
    public Long warmupRequestCount;

    @Option(names = "--warmup-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Seconds of warmup before profiling; excluded from results.")
    public Double warmupDuration;

    @Option(names = "--num-warmup-sessions", paramLabel = "N",
            description = "Sessions (conversations) started during warmup; excluded from results.")
    public Long numWarmupSessions;

    @Option(names = "--warmup-concurrency", paramLabel = "N",
            description = "Warmup sessions in flight at once (default: --concurrency).")
    public Integer warmupConcurrency;

    @Option(names = "--warmup-prefill-concurrency", paramLabel = "N",
            description = "Warmup requests waiting for their first token at once (default: --prefill-concurrency).")
    public Integer warmupPrefillConcurrency;

    @Option(names = "--warmup-request-rate", paramLabel = "RPS", converter = PythonFloat.class,
            description = "Warmup requests per second (default: --request-rate).")
    public Double warmupRequestRate;

    @Option(names = "--warmup-arrival-pattern", paramLabel = "PATTERN",
            description = "Warmup arrival pattern: constant, poisson or gamma (default: --arrival-pattern).")
    public String warmupArrivalPattern;

    @Option(names = "--warmup-grace-period", paramLabel = "S", converter = PythonFloat.class,
            description = "After --warmup-duration, seconds to wait for warmup requests still in flight "
                    + "(default: inf, wait for all).")
    public Double warmupGracePeriod;

    @Option(names = "--warmup-request-rate-ramp-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Warmup rate ramp in seconds (default: --request-rate-ramp-duration).")
    public Double warmupRequestRateRampDuration;

    @Option(names = "--warmup-concurrency-ramp-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Warmup concurrency ramp in seconds (default: --concurrency-ramp-duration).")
    public Double warmupConcurrencyRampDuration;

    @Option(names = "--warmup-prefill-concurrency-ramp-duration", paramLabel = "S", converter = PythonFloat.class,
            description = "Warmup prefill ramp in seconds (default: --prefill-concurrency-ramp-duration).")
    public Double warmupPrefillConcurrencyRampDuration;

    // --- cancellation and user-centric mode -----------------------------------------------------------------

    @Option(names = "--request-cancellation-rate", paramLabel = "PCT", converter = PythonFloat.class,
            description = "Percentage (0-100] of profiling requests to cancel on purpose.")
    public Double requestCancellationRate;

    @Option(names = "--request-cancellation-delay", paramLabel = "S", converter = PythonFloat.class,
            description = "Seconds after a request is fully sent before it is cancelled (default: 0).")
    public Double requestCancellationDelay;

    @Option(names = "--user-centric-rate", paramLabel = "QPS", converter = PythonFloat.class,
            description = "Total requests per second shared by --num-users users; each user waits "
                    + "num-users/QPS between its turns (needs --session-turns-mean >= 2).")
    public Double userCentricRate;

    @Option(names = "--num-users", paramLabel = "N", description = "Users of --user-centric-rate.")
    public Integer numUsers;
}
