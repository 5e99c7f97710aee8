package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.runs.ConvergenceCriterion;
import io.aiperf.records.runs.ConvergenceMode;
import picocli.CommandLine.Option;

import java.util.List;

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

    @Option(names = "--convergence-metric", paramLabel = "TAG",
            description = "Stop the runs early once this metric (a tag such as request_latency or "
                    + "request_throughput) has converged: --num-profile-runs becomes the maximum, the criterion is "
                    + "checked after every run from the third on, and the aggregate's metadata says whether and when "
                    + "it converged (default: none, every run is made).")
    public String convergenceMetric;

    @Option(names = "--convergence-stat", paramLabel = "STAT", defaultValue = "avg",
            description = "The statistic of the metric the criterion reads from each run: avg, p50, p90, p95, p99, "
                    + "min or max (default: ${DEFAULT-VALUE}).")
    public String convergenceStat;

    @Option(names = "--convergence-threshold", paramLabel = "X", defaultValue = "0.1", converter = PythonFloat.class,
            description = "ci_width and cv converge below it; distribution converges when the KS p-value is above "
                    + "it, so there a higher threshold is stricter (default: ${DEFAULT-VALUE}).")
    public double convergenceThreshold;

    @Option(names = "--convergence-mode", paramLabel = "MODE", defaultValue = "ci_width",
            description = "ci_width: confidence-interval width over the mean of the runs' values; cv: their "
                    + "coefficient of variation; distribution: the last run's per-request values against the earlier "
                    + "runs' (two-sample Kolmogorov-Smirnov test; needs profile_export.jsonl, so not with "
                    + "--export-level summary) (default: ${DEFAULT-VALUE}).")
    public String convergenceMode;

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
        if (convergenceMetric != null) {
            convergence(0.95, null);
            if (numProfileRuns < 2) {
                throw new UsageException("--convergence-metric requires --num-profile-runs of at least 2 (the "
                        + "maximum number of runs; the criterion is first checked after " + ConvergenceCriterion.MIN_RUNS
                        + ")");
            }
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

    /**
     * The criterion {@code --convergence-*} ask for, or null without {@code --convergence-metric}.
     *
     * @param exportPrefix where each run's records file is ({@code --profile-export-prefix}), or null
     * @throws UsageException naming the option and its valid values
     */
    public ConvergenceCriterion convergence(double level, String exportPrefix) {
        if (convergenceMetric == null) {
            return null;
        }
        ConvergenceMode mode;
        try {
            mode = ConvergenceMode.parse(convergenceMode);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!ConvergenceCriterion.STATS.contains(convergenceStat)) {
            throw new UsageException("invalid --convergence-stat '" + convergenceStat + "'; valid: "
                    + String.join(", ", ConvergenceCriterion.STATS));
        }
        // distribution compares per-request values, so only a metric every record carries will do.
        boolean perRequest = mode == ConvergenceMode.DISTRIBUTION;
        List<String> tags = MetricCatalog.ALL.stream()
                .filter(m -> perRequest ? m.perRecordExported() : m.exported()).map(MetricSpec::tag).toList();
        if (!tags.contains(convergenceMetric)) {
            throw new UsageException("invalid --convergence-metric '" + convergenceMetric + "'"
                    + (perRequest ? " for --convergence-mode distribution (a per-request metric)" : "")
                    + "; valid: " + String.join(", ", tags));
        }
        if (!(convergenceThreshold > 0) || Double.isInfinite(convergenceThreshold)
                || (perRequest && convergenceThreshold >= 1)) {
            throw new UsageException("--convergence-threshold must be greater than 0" + (perRequest
                    ? " and less than 1 (a p-value for --convergence-mode distribution)" : "") + " (got "
                    + PythonFloat.repr(convergenceThreshold) + ")");
        }
        return new ConvergenceCriterion(convergenceMetric, convergenceStat, mode, convergenceThreshold, level,
                exportPrefix);
    }

    /** More than one run per point. */
    public boolean repeats() {
        return numProfileRuns > 1 || rounds > 1;
    }
}
