package io.aiperf.cli.plan;

import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.options.MultiRunOptions;
import io.aiperf.cli.options.ProfileConfigResolver;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.error.UsageException;
import io.aiperf.records.runs.ConvergenceCriterion;
import io.aiperf.records.runs.ConvergenceMode;
import io.aiperf.records.runs.SweepPoint;
import io.aiperf.records.runs.SweepSummary;
import io.aiperf.ui.report.Report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A benchmark of several runs from one {@code aiperf profile} command: a sweep ({@link SweepAxis}, one folder per
 * level), repeated runs or rounds ({@link RepeatedRuns}), or a sweep of repeated runs ({@code c4/profile_runs/...}).
 * Every level's configuration is resolved before the first run, so a usage error in any of them stops the plan
 * before a request goes out. The runs go one after another; a failed one is listed and the rest still run; Ctrl-C
 * or SIGTERM stops the plan after the run it cut short, and the summaries of what ran are still written.
 */
public final class ProfilePlan {

    /** The configuration of one level ({@code null}: the plan has no sweep), resolved as a single run would be. */
    @FunctionalInterface
    public interface LevelConfigs {
        BenchmarkConfig resolve(Number level);
    }

    private final SweepAxis axis;
    private final MultiRunOptions options;
    private final RunLauncher launcher;
    private final Cooldown cooldown;
    private final PrintStream out;
    private final PrintStream err;

    /** @param axis the sweep, or null for repeated runs of one configuration */
    public ProfilePlan(SweepAxis axis, MultiRunOptions options, RunLauncher launcher, Cooldown cooldown,
                       PrintStream out, PrintStream err) {
        this.axis = axis;
        this.options = options;
        this.launcher = launcher;
        this.cooldown = cooldown;
        this.out = out;
        this.err = err;
    }

    /**
     * @param explicitArtifactDir {@code --artifact-dir} as given, or null: a sweep then goes into AIPerf's derived
     *                            folder with the stimulus {@code concurrency_sweep} / {@code request_rate_sweep}
     * @return the exit status: 0 when every run succeeded, 1 when one failed, 130/143 when stopped
     */
    public int run(LevelConfigs configs, String explicitArtifactDir) throws IOException {
        List<? extends Number> levels = axis == null ? Collections.singletonList(null) : axis.levels();
        List<BenchmarkConfig> resolved = new ArrayList<>(levels.size());
        for (Number level : levels) {
            resolved.add(configs.resolve(level));
        }
        ConvergenceCriterion criterion = options.convergence(options.confidenceLevel, null);
        if (criterion != null && criterion.mode() == ConvergenceMode.DISTRIBUTION
                && resolved.get(0).output().exportLevel() == ExportLevel.SUMMARY) {
            throw new UsageException("--convergence-mode distribution reads each run's profile_export.jsonl, which "
                    + "--export-level summary does not write; use --export-level records or raw");
        }
        RepeatedRuns repeats = new RepeatedRuns(options, launcher, cooldown, out);
        if (axis == null) {
            Path base = Path.of(resolved.get(0).output().artifactDir());
            RepeatedRuns.Outcome o = repeats.run(resolved.get(0), base);
            autoPlot(base, o.anySucceeded());
            return finish(o.result());
        }

        Path base = explicitArtifactDir != null ? Path.of(explicitArtifactDir).toAbsolutePath().normalize()
                : Path.of(resolved.get(0).output().artifactDir()).getParent().resolve(ProfileConfigResolver.runDirName(
                        resolved.get(0).endpoint().modelNames(), resolved.get(0).endpoint().type(),
                        axis.key() + "_sweep"));
        List<SweepPoint> points = new ArrayList<>(levels.size());
        int stoppedBy = ExitCodes.OK;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < levels.size() && stoppedBy == ExitCodes.OK; i++) {
            if (i > 0) {
                stoppedBy = cooldown.pause(options.cooldownSeconds);
                if (stoppedBy != ExitCodes.OK) {
                    break;
                }
            }
            Number level = levels.get(i);
            String label = axis.label(level);
            Path dir = base.resolve(label);
            BenchmarkConfig config = resolved.get(i).withArtifactDir(dir.toString());
            RunLauncher.Result result;
            boolean succeeded;
            if (options.repeats()) {
                RepeatedRuns.Outcome o = repeats.run(config, dir);
                result = o.result();
                succeeded = o.anySucceeded();
            } else {
                out.println();
                out.println("aiperf: sweep point " + (i + 1) + " of " + levels.size() + " (" + axis.key() + " "
                        + SweepAxis.plain(level) + ") -> " + dir);
                result = launcher.run(config);
                succeeded = result.ok() || result.stopsPlan();
            }
            LinkedHashMap<String, Object> variation = new LinkedHashMap<>();
            variation.put(axis.key(), level);
            points.add(new SweepPoint(label, variation, dir, succeeded, result.ok() ? null : result.reason()));
            if (result.stopsPlan()) {
                stoppedBy = result.exitCode();
            } else if (!result.ok()) {
                failures.add(label + " (" + result.reason() + ")");
            }
        }

        List<Path> written = SweepSummary.export(base, points);
        out.println();
        out.print(SweepSummary.consoleTable(base, !"none".equals(resolved.get(0).service().uiType())));
        written.forEach(f -> out.println("Exported " + f));
        autoPlot(base, points.stream().anyMatch(SweepPoint::success));
        if (stoppedBy != ExitCodes.OK) {
            return stoppedBy;
        }
        return finish(failures.isEmpty() ? new RunLauncher.Result(ExitCodes.OK, null)
                : new RunLauncher.Result(ExitCodes.FAILED, failures.size() + " of " + levels.size()
                        + " sweep points failed: " + String.join(", ", failures)));
    }

    private int finish(RunLauncher.Result result) {
        if (!result.ok() && !result.stopsPlan()) {
            err.println("aiperf: error: " + result.reason());
        }
        return result.exitCode();
    }

    private void autoPlot(Path base, boolean anySucceeded) {
        if (!options.autoPlot || !anySucceeded) {
            return;
        }
        try {
            for (Path file : Report.write(List.of(base), base.resolve("plots"), 1)) {
                out.println("Exported " + file);
            }
        } catch (RuntimeException e) {
            // The runs and their summaries are on disk; a report that cannot be drawn does not fail them.
            err.println("aiperf: warning: --auto-plot: " + e.getMessage() + "; run aiperf plot " + base);
        }
    }
}
