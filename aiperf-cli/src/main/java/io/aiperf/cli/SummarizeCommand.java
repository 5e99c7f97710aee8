package io.aiperf.cli;

import io.aiperf.core.error.UsageException;
import io.aiperf.records.SummaryRebuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code aiperf summarize DIR} (ours): rebuilds the summaries of a run from its {@code profile_export.jsonl}, for a
 * run whose records manager or controller died before writing them (see {@link SummaryRebuild}).
 */
@Command(name = "summarize", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Rebuild a run's summaries from the profile_export.jsonl in its artifact directory.",
        description = {"Reads ARTIFACT_DIR/profile_export.jsonl and the run_config.json written at the run's start, "
                + "aggregates every record as the run does, writes profile_export_aiperf.json and .csv (and the "
                + "time slices when the run had --slice-duration) into ARTIFACT_DIR, and prints the tables.",
                "For a run that was killed before it wrote its summaries; was_cancelled is true."})
public final class SummarizeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ARTIFACT_DIR", description = "The run's --artifact-dir.")
    Path artifactDir;

    @Option(names = "--overwrite", description = "Replace a profile_export_aiperf.json already in ARTIFACT_DIR.")
    boolean overwrite;

    @Override
    public Integer call() {
        if (!Files.isDirectory(artifactDir)) {
            throw new UsageException("ARTIFACT_DIR '" + artifactDir + "' is not a directory");
        }
        SummaryRebuild.Result result = SummaryRebuild.rebuild(artifactDir, overwrite);
        PrintWriter out = spec.commandLine().getOut();
        out.println();
        out.print(result.report());
        result.trailer().forEach(out::println);
        out.flush();
        return 0;
    }
}
