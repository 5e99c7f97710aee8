package io.aiperf.cli;

import io.aiperf.core.error.UsageException;
import io.aiperf.ui.report.Report;
import io.aiperf.ui.report.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code aiperf plot DIR…}: the charts of finished runs, as one offline HTML report and one PNG per chart (see
 * {@link Report}; docs/plots.md lists the charts).
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Chart finished runs: one self-contained HTML report and a PNG per chart.",
        description = {"Finds every run under each DIR (a directory with profile_export_aiperf.json, up to 4 levels "
                + "down, at any name; multi-runs and round_N directories too) and writes OUT/report.html, which "
                + "opens offline, and OUT/<chart>.png: latency and throughput vs concurrency (or request rate), the "
                + "efficiency plot, latency CDFs and a TTFT histogram, time slices, GPU telemetry over time, and "
                + "run-vs-run and round-vs-round comparisons, each when the inputs have it.",
                "Several DIRs are compared with each other, each DIR one series."})
public final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Artifact directories: a run, a sweep, a multi-run.")
    List<Path> dirs;

    @Option(names = "--output", paramLabel = "OUT", description = "Where to write (default: FIRST_DIR/plots).")
    Path output;

    @Option(names = "--num-gpus", paramLabel = "N", defaultValue = "1",
            description = "GPUs serving the model: the efficiency plot's tokens/s per GPU (default: ${DEFAULT-VALUE}).")
    int numGpus;

    @Option(names = "--theme", paramLabel = "THEME", defaultValue = "light",
            description = "light or dark (default: ${DEFAULT-VALUE}).")
    Theme theme;

    @Option(names = "--no-png", description = "Write the HTML report only.")
    boolean noPng;

    @Override
    public Integer call() {
        if (numGpus < 1) {
            throw new UsageException("--num-gpus must be at least 1, got " + numGpus);
        }
        Path out = output != null ? output : dirs.get(0).resolve("plots");
        List<Path> written = Report.write(dirs, out, numGpus, theme, !noPng);
        PrintWriter stdout = spec.commandLine().getOut();
        written.forEach(stdout::println);
        stdout.flush();
        return ExitCodes.OK;
    }
}
