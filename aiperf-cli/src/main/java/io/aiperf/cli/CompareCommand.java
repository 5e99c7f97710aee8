package io.aiperf.cli;

import io.aiperf.cli.options.MultiRunOptions;
import io.aiperf.cli.tools.OutputFile;
import io.aiperf.core.error.UsageException;
import io.aiperf.records.runs.RunComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code aiperf compare A B} (ours): two artifact directories side by side, metric by metric, with whether each
 * difference exceeds the runs' noise (see {@link RunComparison}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Compare two runs (or two multi-run plans) metric by metric.",
        description = {"A and B are artifact directories: a single run (with profile_export_aiperf.json) or a "
                + "multi-run base (with aggregate/ and profile_runs/ from --num-profile-runs). For every "
                + "distribution metric's avg and p99, and every single-value metric both have, prints A, B, the "
                + "difference B - A and its percentage, and whether it is significant: Welch's t-test at "
                + "--confidence-level.",
                "Two multi-runs are tested on the per-run values of each statistic. Two single runs are tested on "
                        + "the avg only, using the metric's per-request std and the run's request_count as n; the "
                        + "p99 and the single-value metrics of single runs (and a single run against a multi-run) "
                        + "have no noise estimate and show \"n/a\"."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The baseline artifact directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The artifact directory compared with A.")
    Path b;

    @Option(names = "--confidence-level", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "The level a difference is significant at, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidenceLevel;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON to FILE.")
    Path json;

    @Override
    public Integer call() {
        MultiRunOptions.checkConfidenceLevel(confidenceLevel);
        RunComparison.Result result;
        try {
            result = RunComparison.compare(a, b, confidenceLevel);
        } catch (IOException e) {
            throw new UsageException("cannot compare: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        // Box-drawing characters only on a terminal: a CI log or a pipe gets plain ASCII, as profile's tables.
        out.print(RunComparison.consoleTable(result, System.console() != null));
        if (json != null) {
            try (OutputFile file = OutputFile.open(OutputFile.withParentCreated(json), "--json")) {
                file.writer().write(RunComparison.toJson(result));
                file.commit();
            } catch (IOException e) {
                throw new UsageException("cannot write --json " + json + ": " + e.getMessage());
            }
            out.println("JSON: " + json);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
