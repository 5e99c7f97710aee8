package io.aiperf.cli.sweep;

import io.aiperf.cli.ExitCodes;
import io.aiperf.cli.ProfileInvocation;
import io.aiperf.core.error.UsageException;
import io.aiperf.records.runs.SweepPoint;
import io.aiperf.records.runs.SweepSummary;
import io.aiperf.ui.report.Report;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aiperf sweep --config sweep.yaml} (ours): one {@code aiperf profile} run per combination of the file's
 * {@code sweep} lists, one folder per point. Every point's arguments are checked before the first one runs, so a
 * usage error stops the sweep before it starts; then the points run one after another in this JVM. A failed point
 * is reported and the sweep goes on; Ctrl-C or SIGTERM stops it with 130 or 143.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Run aiperf profile once per combination of a sweep file's lists, one folder per point.",
        description = {"FILE is YAML: 'profile' holds aiperf profile options by long name (applied to every "
                + "point), 'sweep' holds lists (model, isl-osl, concurrency, request-rate or any profile option); "
                + "one point per combination, in the order the keys are written. See docs/sweeps.md.",
                "Any aiperf profile option after the sweep's own options replaces the file's setting of it, e.g. "
                + "'aiperf sweep --config sweep.yaml --url http://host:8000 --dry-run'."})
public final class SweepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The sweep file (YAML).")
    Path config;

    @Option(names = {"--artifact-dir", "--output-artifact-dir"}, paramLabel = "DIR",
            description = "The base folder of the points' folders (default: profile.artifact-dir in FILE, else "
                    + "artifacts/sweep).")
    Path artifactDir;

    @Option(names = "--dry-run", description = "Print each point's folder and aiperf profile command line, run "
            + "nothing.")
    boolean dryRun;

    @Option(names = "--auto-plot", description = "When the points are done, write aiperf plot's HTML report and "
            + "PNGs of every point into plots/ under the base folder.")
    boolean autoPlot;

    @Unmatched
    List<String> overrides = new ArrayList<>();

    /** Runs the points; null means in this JVM, as {@code aiperf profile} (tests set one that starts nothing). */
    PointRunner runner;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SweepFile file = SweepFileParser.parse(config);
        Path base = SweepExpansion.base(file, artifactDir);
        List<PlannedPoint> points = SweepExpansion.expand(file, base, overrides);
        List<String> commandLines = new ArrayList<>();
        for (PlannedPoint point : points) {
            commandLines.add(check(point));
        }
        if (dryRun) {
            for (int i = 0; i < points.size(); i++) {
                out.println(points.get(i).label() + "  " + commandLines.get(i));
            }
            out.println(points.size() + " point" + (points.size() == 1 ? "" : "s") + " (dry run: nothing was run)");
            out.flush();
            return ExitCodes.OK;
        }
        PointRunner run = runner != null ? runner : new InProcessPointRunner(out, spec.commandLine().getErr());
        List<SweepPointResult> results = new ArrayList<>();
        int stop = ExitCodes.OK;
        for (int i = 0; i < points.size() && stop == ExitCodes.OK; i++) {
            PlannedPoint point = points.get(i);
            out.println("aiperf sweep: point " + (i + 1) + " of " + points.size() + ": " + point.label());
            out.flush();
            int code = run.run(point.args());
            results.add(SweepPointResult.of(point, code));
            if (code == ExitCodes.INTERRUPTED || code == ExitCodes.TERMINATED) {
                stop = code;
            } else if (run.stopRequested() != ExitCodes.OK) {
                stop = run.stopRequested();
            }
        }
        summarize(base, results);
        if (stop != ExitCodes.OK) {
            return stop;
        }
        return results.stream().allMatch(SweepPointResult::success) ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** A point's arguments checked as {@code aiperf profile} would; its command line with credentials masked. */
    private static String check(PlannedPoint point) {
        try {
            return ProfileInvocation.check(point.args()).cliCommand();
        } catch (UsageException ex) {
            throw new UsageException("point " + point.label() + ": " + ex.getMessage());
        }
    }

    /**
     * Writes {@code sweep_summary.json}/{@code .csv} (one row per point that ran, in order; a sweep stopped by a
     * signal includes the interrupted point) and prints its table. A summary that cannot be written is an error
     * line, not a lost sweep: every point's own exports are already on disk.
     */
    void summarize(Path base, List<SweepPointResult> results) {
        PrintWriter out = spec.commandLine().getOut();
        List<SweepPoint> points = new ArrayList<>(results.size());
        for (SweepPointResult r : results) {
            points.add(new SweepPoint(r.label(), r.values(), r.dir(), r.success(), r.error()));
        }
        try {
            List<Path> written = SweepSummary.export(base, points);
            out.println();
            out.print(SweepSummary.consoleTable(base, System.console() != null));
            written.forEach(f -> out.println("Exported " + f));
        } catch (IOException e) {
            spec.commandLine().getErr().println("aiperf: error: cannot write the sweep summary in " + base + ": "
                    + e.getMessage());
        }
        if (autoPlot && results.stream().anyMatch(SweepPointResult::success)) {
            try {
                Report.write(List.of(base), base.resolve("plots"), 1).forEach(f -> out.println("Exported " + f));
            } catch (RuntimeException e) {
                // Every point's exports and the summary are on disk; a report that cannot be drawn fails nothing.
                spec.commandLine().getErr().println("aiperf: warning: --auto-plot: " + e.getMessage()
                        + "; run aiperf plot " + base);
            }
        }
        out.flush();
    }
}
