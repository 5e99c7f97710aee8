package io.aiperf.cli.tools;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code aiperf convert-burstgpt}: a BurstGPT CSV log to a mooncake trace, filtered and optionally sped up. */
@Command(name = "convert-burstgpt", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Convert a BurstGPT CSV log into a mooncake trace.",
        description = {"Convert a BurstGPT CSV (columns Timestamp, Model, Request tokens, Response tokens, "
                + "Total tokens, Log Type, in any order) into a mooncake trace with timestamp (ms), input_length "
                + "and output_length.",
                "Rows are filtered, then --skip-requests and --max-requests apply; timestamps become milliseconds "
                + "after the first kept row, divided by --speed-ratio. Rows must be in time order."})
public final class ConvertBurstGptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "CSV", description = "The BurstGPT CSV file.")
    Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "The trace to write (JSONL).")
    Path output;

    @Option(names = "--model", paramLabel = "NAME",
            description = "Keep only rows of this model, e.g. ChatGPT or GPT-4 (case-insensitive).")
    String model;

    @Option(names = "--log-type", paramLabel = "TYPE",
            description = "Keep only rows of this log type, e.g. 'Conversation log' or 'API log' (case-insensitive).")
    String logType;

    @Option(names = "--start-time", paramLabel = "SECONDS",
            description = "Keep only rows at or after this original timestamp.")
    Double startTime;

    @Option(names = "--end-time", paramLabel = "SECONDS",
            description = "Keep only rows at or before this original timestamp.")
    Double endTime;

    @Option(names = "--min-isl", defaultValue = "1", paramLabel = "TOKENS",
            description = "Drop rows with fewer request tokens (default: ${DEFAULT-VALUE}).")
    long minIsl;

    @Option(names = "--max-isl", paramLabel = "TOKENS", description = "Drop rows with more request tokens.")
    Long maxIsl;

    @Option(names = "--min-osl", defaultValue = "1", paramLabel = "TOKENS",
            description = "Drop rows with fewer response tokens (default: ${DEFAULT-VALUE}; BurstGPT logs failed "
                    + "requests with 0 response tokens).")
    long minOsl;

    @Option(names = "--max-osl", paramLabel = "TOKENS", description = "Drop rows with more response tokens.")
    Long maxOsl;

    @Option(names = "--skip-requests", defaultValue = "0", paramLabel = "N",
            description = "Skip the first N rows that pass the filters (default: ${DEFAULT-VALUE}).")
    long skip;

    @Option(names = "--max-requests", paramLabel = "N", description = "Write at most N rows.")
    Long maxRequests;

    @Option(names = "--speed-ratio", defaultValue = "1.0", paramLabel = "R",
            description = "Divide time gaps by R: 2 replays twice as fast, 0.5 half as fast (default: "
                    + "${DEFAULT-VALUE}).")
    double speedRatio;

    @Override
    public Integer call() throws IOException {
        if (!(speedRatio > 0) || Double.isInfinite(speedRatio)) {
            throw new UsageException("--speed-ratio must be a positive number (got " + speedRatio + ")");
        }
        // NaN compares false with everything, so without this check it would silently keep every row.
        if (startTime != null && !Double.isFinite(startTime)) {
            throw new UsageException("--start-time must be a finite number (got " + startTime + ")");
        }
        if (endTime != null && !Double.isFinite(endTime)) {
            throw new UsageException("--end-time must be a finite number (got " + endTime + ")");
        }
        if (startTime != null && endTime != null && endTime < startTime) {
            throw new UsageException("--end-time (" + endTime + ") is before --start-time (" + startTime + ")");
        }
        if (minIsl < 0 || minOsl < 0 || skip < 0 || (maxRequests != null && maxRequests < 0)) {
            throw new UsageException("--min-isl, --min-osl, --skip-requests and --max-requests must not be negative");
        }
        if (maxIsl != null && maxIsl < minIsl) {
            throw new UsageException("--max-isl (" + maxIsl + ") is below --min-isl (" + minIsl + ")");
        }
        if (maxOsl != null && maxOsl < minOsl) {
            throw new UsageException("--max-osl (" + maxOsl + ") is below --min-osl (" + minOsl + ")");
        }
        BurstGptConverter converter = new BurstGptConverter(new BurstGptConverter.Settings(model, logType,
                startTime, endTime, minIsl, maxIsl, minOsl, maxOsl, skip, maxRequests, speedRatio));
        BurstGptConverter.Result result;
        try (BufferedReader in = ToolFiles.openInput(input, "--input")) {
            try (OutputFile f = OutputFile.open(output, "--output")) {
                result = converter.convert(in, input, new MooncakeRowWriter(f.writer()));
                f.commit();
            } catch (java.nio.charset.CharacterCodingException e) {
                throw ToolFiles.readFailure(input, 0, e);
            } catch (IOException e) {
                throw ToolFiles.writeFailure(output, e);
            }
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %d requests (of %d rows read) spanning %.3f s to %s%n",
                result.rowsWritten(), result.rowsRead(), result.spanMs() / 1000.0, output);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
