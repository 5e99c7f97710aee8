package io.aiperf.cli.options;

import io.aiperf.core.config.AccuracyBenchmark;
import io.aiperf.core.config.AccuracyConfig;
import io.aiperf.core.config.AccuracyGrader;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.dataset.accuracy.AccuracyProblems;
import io.aiperf.core.dataset.file.DatasetFileException;
import io.aiperf.core.error.UsageException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns {@link AccuracyOptions} into an {@link AccuracyConfig} (null when accuracy mode is off), filling in the
 * benchmark's defaults. Everything we cannot do is refused here with one line: the benchmarks whose files we do not
 * read, {@code code_execution} (it would run untrusted code), a missing local copy. The files are read once here
 * too, so a bad row or an unknown task stops the command before any service starts.
 */
public final class AccuracyResolver {

    private AccuracyResolver() {
    }

    public static AccuracyConfig resolve(AccuracyOptions a, InputOptions in, EndpointType endpoint) {
        if (a.benchmark == null) {
            if (a.anyGiven()) {
                throw new UsageException("the --accuracy-* options need --accuracy-benchmark");
            }
            return null;
        }
        AccuracyBenchmark benchmark;
        try {
            benchmark = AccuracyBenchmark.parse(a.benchmark);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--accuracy-benchmark: " + e.getMessage());
        }
        AccuracyGrader grader;
        try {
            grader = a.grader == null ? benchmark.defaultGrader() : AccuracyGrader.parse(a.grader);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--accuracy-grader: " + e.getMessage());
        }
        if (!grader.supported()) {
            throw new UsageException("--accuracy-benchmark " + benchmark.cliName() + ": the code_execution grader is "
                    + "not supported (it would run the model's code on this machine); graders: exact_match, math, "
                    + "multiple_choice");
        }
        if (!benchmark.readable()) {
            throw new UsageException("--accuracy-benchmark " + benchmark.cliName() + " is not supported yet; "
                    + "supported: " + AccuracyBenchmark.readableNames());
        }
        if (!endpoint.producesTokens()) {
            throw new UsageException("--accuracy-benchmark needs an endpoint that answers with text, not "
                    + endpoint.cliName());
        }
        if (in.inputFile != null || in.publicDataset != null) {
            throw new UsageException("--accuracy-benchmark sends the benchmark's problems: it cannot be combined "
                    + "with " + (in.inputFile != null ? "--input-file" : "--public-dataset"));
        }
        int shots = a.nShots == null ? benchmark.defaultShots() : a.nShots;
        if (shots < 0 || shots > benchmark.maxShots()) {
            throw new UsageException("--accuracy-n-shots must be between 0 and " + benchmark.maxShots() + " for "
                    + benchmark.cliName() + " (got " + shots + ")");
        }
        if (a.datasetPath == null) {
            throw new UsageException("--accuracy-benchmark " + benchmark.cliName() + " needs --accuracy-dataset-path "
                    + "PATH: benchmarks are read from a local copy, not downloaded (see docs/accuracy.md)");
        }
        Path path = InputFileProbe.existing("--accuracy-dataset-path", a.datasetPath).toAbsolutePath().normalize();
        boolean directories = benchmark == AccuracyBenchmark.MMLU || benchmark == AccuracyBenchmark.BIGBENCH;
        if (!directories && Files.isDirectory(path)) {
            String kind = benchmark == AccuracyBenchmark.GPQA_DIAMOND ? "its CSV file" : "a JSONL file";
            throw new UsageException("--accuracy-dataset-path: " + benchmark.cliName() + " is read from " + kind
                    + ", not a directory: " + a.datasetPath);
        }
        List<String> tasks = a.tasks.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().toList();
        String system = a.systemPrompt != null ? a.systemPrompt : benchmark.defaultSystemPrompt();
        boolean cot = a.enableCot != null ? a.enableCot : benchmark.defaultCot();
        AccuracyConfig config = new AccuracyConfig(benchmark, tasks, shots, cot, grader, system, a.verbose,
                path.toString(), in.randomSeed);
        try {
            if (AccuracyProblems.load(config).isEmpty()) {
                throw new UsageException("--accuracy-dataset-path " + a.datasetPath + ": no problems to send");
            }
        } catch (DatasetFileException e) {
            throw new UsageException("--accuracy-dataset-path " + e.getMessage());
        }
        return config;
    }
}
