package io.aiperf.cli;

import io.aiperf.core.error.UsageException;
import io.aiperf.ui.report.Report;
import io.aiperf.ui.report.Theme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Artifact directories: a run, a sweep, a multi-run.")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--paths", arity = "1..*", paramLabel = "DIR",
            description = "AIPerf's spelling of the DIRs: artifact directories, after or instead of them.")
    List<Path> paths = new ArrayList<>();

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

    @Option(names = "--dashboard",
            description = "Then serve the report over HTTP at --host:--port until Ctrl-C (AIPerf's Dash dashboard; "
                    + "ours serves the same interactive HTML report).")
    boolean dashboard;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "With --dashboard: the address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8050",
            description = "With --dashboard: the port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Override
    public Integer call() {
        if (numGpus < 1) {
            throw new UsageException("--num-gpus must be at least 1, got " + numGpus);
        }
        List<Path> all = new ArrayList<>(dirs);
        all.addAll(paths);
        if (all.isEmpty()) {
            throw new UsageException("no artifact directory: give DIR... or --paths DIR...");
        }
        if (port < 0 || port > 65_535) {
            throw new UsageException("--port must be between 0 and 65535, got " + port);
        }
        Path out = output != null ? output : all.get(0).resolve("plots");
        List<Path> written = Report.write(all, out, numGpus, theme, !noPng);
        PrintWriter stdout = spec.commandLine().getOut();
        written.forEach(stdout::println);
        stdout.flush();
        if (dashboard) {
            serveUntilInterrupted(out, stdout);
        }
        return ExitCodes.OK;
    }

    private void serveUntilInterrupted(Path out, PrintWriter stdout) {
        ReportServer server;
        try {
            server = ReportServer.start(out, host, port);
        } catch (IOException e) {
            throw new UsageException("--dashboard: cannot listen on " + host + ":" + port + ": " + e.getMessage());
        }
        stdout.println("Dashboard: " + server.url() + " (Ctrl-C stops)");
        stdout.flush();
        try {
            new CountDownLatch(1).await(); // Ctrl-C ends the JVM; the server's thread is a daemon
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }
}
