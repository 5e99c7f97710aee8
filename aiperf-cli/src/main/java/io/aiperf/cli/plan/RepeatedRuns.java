package io.aiperf.cli.plan;

import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.options.MultiRunOptions;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.records.runs.ConvergenceCriterion;
import io.aiperf.records.runs.ConvergenceReport;
import io.aiperf.records.runs.MultiRunAggregate;
import io.aiperf.records.runs.RoundComparison;
import io.aiperf.records.runs.RunOutcome;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One benchmark run several times into one folder: {@code --num-profile-runs N} into {@code profile_runs/run_0001/}
 * ... then {@code aggregate/} (AIPerf's layout), or {@code --rounds N} into {@code round_1/} ... then
 * {@code rounds_comparison.json/.csv} (ours). Each run has its own benchmark id; with
 * {@code --profile-run-disable-warmup-after-first} only the first warms up. With {@code --convergence-metric} the
 * criterion is checked after each run and the runs stop once it holds; a check that cannot be made (a file missing)
 * is a warning and counts as not converged, as in AIPerf.
 */
final class RepeatedRuns {

    private final MultiRunOptions options;
    private final RunLauncher launcher;
    private final Cooldown cooldown;
    private final PrintStream out;

    RepeatedRuns(MultiRunOptions options, RunLauncher launcher, Cooldown cooldown, PrintStream out) {
        this.options = options;
        this.launcher = launcher;
        this.cooldown = cooldown;
        this.out = out;
    }

    /** What the runs of one folder came to. @param written the analysis files; empty when nothing succeeded */
    record Outcome(RunLauncher.Result result, boolean anySucceeded, List<Path> written) {
    }

    Outcome run(BenchmarkConfig config, Path dir) throws IOException {
        boolean rounds = options.rounds > 1;
        int n = rounds ? options.rounds : options.numProfileRuns;
        List<RunOutcome> runs = new ArrayList<>(n);
        ConvergenceCriterion criterion = rounds ? null
                : options.convergence(options.confidenceLevel, config.output().exportPrefix());
        ConvergenceCriterion.Check check = null;
        int stoppedBy = ExitCodes.OK;
        for (int i = 1; i <= n && stoppedBy == ExitCodes.OK; i++) {
            if (check != null && check.converged()) {
                break;
            }
            if (i > 1) {
                stoppedBy = cooldown.pause(options.cooldownSeconds);
                if (stoppedBy != ExitCodes.OK) {
                    break;
                }
            }
            String label = rounds ? "round_" + i : String.format(Locale.ROOT, "run_%04d", i);
            Path runDir = rounds ? dir.resolve(label) : dir.resolve("profile_runs").resolve(label);
            BenchmarkConfig run = config.withArtifactDir(runDir.toString())
                    .withBenchmarkId(UUID.randomUUID().toString());
            if (i > 1 && options.disableWarmupAfterFirst) {
                run = run.withoutWarmup();
            }
            out.println();
            out.println("aiperf: " + (rounds ? "round " : "profile run ") + i + " of " + n + " -> " + runDir);
            RunLauncher.Result r = launcher.run(run);
            runs.add(new RunOutcome(label, runDir, r.ok(), r.ok() ? null : r.reason()));
            if (r.stopsPlan()) {
                stoppedBy = r.exitCode();
            } else if (criterion != null && i >= Math.min(ConvergenceCriterion.MIN_RUNS, n)) {
                check = check(criterion, runs);
                out.println("aiperf: convergence: " + new ConvergenceReport(criterion, n, check).line(runs.size()));
            }
        }

        ConvergenceReport convergence = criterion == null ? null : new ConvergenceReport(criterion, n, check);
        List<Path> written = rounds ? RoundComparison.export(dir, runs)
                : MultiRunAggregate.export(dir, runs, options.confidenceLevel, options.cooldownSeconds, convergence);
        if (!written.isEmpty()) {
            out.println();
            // Box-drawing characters as the run's own tables have them: not with --ui none (CI logs).
            boolean unicode = !"none".equals(config.service().uiType());
            out.print(rounds ? RoundComparison.consoleTable(dir, unicode)
                    : MultiRunAggregate.consoleTable(dir, unicode));
            for (Path file : written) {
                out.println("Exported " + file);
            }
        }
        if (convergence != null && convergence.converged() && runs.size() < n) {
            out.println("aiperf: " + criterion.metric() + " converged: stopped after " + runs.size() + " of " + n
                    + " runs");
        }
        List<RunOutcome> failed = runs.stream().filter(r -> !r.success()).toList();
        boolean anySucceeded = failed.size() < runs.size();
        if (stoppedBy != ExitCodes.OK) {
            return new Outcome(new RunLauncher.Result(stoppedBy, "stopped after " + runs.size() + " of " + n
                    + (rounds ? " rounds" : " runs")), anySucceeded, written);
        }
        if (!failed.isEmpty()) {
            StringBuilder why = new StringBuilder().append(failed.size()).append(" of ").append(runs.size())
                    .append(rounds ? " rounds" : " runs").append(" failed:");
            failed.forEach(f -> why.append(' ').append(f.label()).append(" (").append(f.error()).append(')'));
            return new Outcome(new RunLauncher.Result(ExitCodes.FAILED, why.toString()), anySucceeded, written);
        }
        return new Outcome(new RunLauncher.Result(ExitCodes.OK, null), true, written);
    }

    private ConvergenceCriterion.Check check(ConvergenceCriterion criterion, List<RunOutcome> runs) {
        try {
            return criterion.check(runs);
        } catch (IOException | RuntimeException e) {
            out.println("aiperf: warning: convergence not checked: " + OneLine.of(e.getMessage()));
            return new ConvergenceCriterion.Check(false, Double.NaN, runs.size());
        }
    }
}
