package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Option;

/**
 * AIPerf's "Multi-Run" option group (repeat the same benchmark and report confidence intervals), and two of ours:
 * {@code --rounds}, the dual-round cache benchmark (the same requests again), and {@code --auto-plot}.
 */
public final class MultiRunOptions {

    /** AIPerf's bound: more runs make a benchmark too long to be worth it. */
    public static final int MAX_PROFILE_RUNS = 10;

    @Option(names = "--num-profile-runs", paramLabel = "N", defaultValue = "1",
            description = "Run the benchmark N times (1-10) into profile_runs/run_0001/, ... and write "
                    + "aggregate/profile_export_aiperf_aggregate.json/.csv: per metric and statistic the mean, std, "
                    + "coefficient of variation and confidence interval across the runs (default: ${DEFAULT-VALUE}).")
    public int numProfileRuns;

    @Option(names = "--profile-run-cooldown-seconds", paramLabel = "S", defaultValue = "0.0",
            converter = PythonFloat.class,
            description = "Pause between two runs (or rounds), to let the server settle (default: ${DEFAULT-VALUE}).")
    public double cooldownSeconds;

    @Option(names = "--confidence-level", paramLabel = "X", defaultValue = "0.95", converter = PythonFloat.class,
            description = "Confidence level of the intervals, in (0, 1) (default: ${DEFAULT-VALUE}).")
    public double confidenceLevel;

    @Option(names = "--profile-run-disable-warmup-after-first", negatable = true, defaultValue = "true",
            fallbackValue = "true",
            description = "Warm up before the first run (or round) only: the later ones start on a warm server "
                    + "(default: ${DEFAULT-VALUE}).")
    public boolean disableWarmupAfterFirst;

    @Option(names = "--set-consistent-seed", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Without --random-seed, give every run (or round) the seed 42, so all send the same "
                    + "dataset (default: ${DEFAULT-VALUE}).")
    public boolean setConsistentSeed;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "1",
            description = "Ours: send the identical dataset N times, in the same order with the same bodies, into "
                    + "round_1/, round_2/, ...; then compare the rounds (TTFT, ITL, latency, throughput, delta and "
                    + "speed-up, --prometheus-metrics deltas) into rounds_comparison.json/.csv. Measures a prefix "
                    + "or KV cache: the later rounds find the first round's prompts cached "
                    + "(default: ${DEFAULT-VALUE}).")
    public int rounds;

    @Option(names = "--auto-plot",
            description = "Ours: after a sweep, a multi-run or rounds, write the HTML report and PNGs of "
                    + "`aiperf plot` into plots/ under the artifact directory.")
    public boolean autoPlot;

    /** Checks the ranges; each failure is one usage error naming the option. */
    public MultiRunOptions validated() {
        if (numProfileRuns < 1 || numProfileRuns > MAX_PROFILE_RUNS) {
            throw new UsageException("--num-profile-runs must be between 1 and " + MAX_PROFILE_RUNS + " (got "
                    + numProfileRuns + ")");
        }
        if (!(cooldownSeconds >= 0) || Double.isInfinite(cooldownSeconds)) {
            throw new UsageException("--profile-run-cooldown-seconds must be a non-negative number of seconds (got "
                    + PythonFloat.repr(cooldownSeconds) + ")");
        }
        checkConfidenceLevel(confidenceLevel);
        if (rounds < 1) {
            throw new UsageException("--rounds must be at least 1 (got " + rounds + ")");
        }
        if (rounds > 1 && numProfileRuns > 1) {
            throw new UsageException("--rounds and --num-profile-runs cannot be combined: rounds repeat the dataset "
                    + "to measure a cache, profile runs repeat the benchmark to measure noise; run one, then the "
                    + "other");
        }
        return this;
    }

    /** {@code --confidence-level}'s rule, for every command that takes it. */
    public static void checkConfidenceLevel(double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new UsageException("--confidence-level must be between 0 and 1, exclusive, e.g. 0.95 (got "
                    + PythonFloat.repr(confidenceLevel) + ")");
        }
    }

    /** More than one run per point. */
    public boolean repeats() {
        return numProfileRuns > 1 || rounds > 1;
    }
}
