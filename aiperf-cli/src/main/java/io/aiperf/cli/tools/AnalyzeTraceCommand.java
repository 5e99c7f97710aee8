package io.aiperf.cli.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code aiperf analyze-trace}: request count, rate, ISL/OSL distributions and prefix-cache reuse of a trace. */
@Command(name = "analyze-trace", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Request rate, ISL/OSL distributions and prefix-cache hit ratio of a mooncake trace.",
        description = {"Analyse a mooncake trace (JSONL): request count, time span and mean request rate, ISL and OSL "
                + "distributions, and the prefix-cache hit ratio an unbounded cache would reach replaying the rows "
                + "in file order.",
                "Every row needs input_length; output_length, timestamp (ms) and hash_ids are used when present."})
public final class AnalyzeTraceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--input-file", required = true, paramLabel = "FILE", description = "The mooncake trace (JSONL).")
    Path inputFile;

    @Option(names = "--block-size", defaultValue = "512", paramLabel = "TOKENS",
            description = "Tokens per hash id block (default: ${DEFAULT-VALUE}).")
    int blockSize;

    @Option(names = "--output-file", paramLabel = "FILE", description = "Also write the report as JSON here.")
    Path outputFile;

    @Override
    public Integer call() {
        if (blockSize < 1) {
            throw new io.aiperf.core.error.UsageException("--block-size must be at least 1 (got " + blockSize + ")");
        }
        TraceReport report;
        try (BufferedReader in = ToolFiles.openInput(inputFile, "--input-file")) {
            report = new TraceAnalyzer(blockSize).analyze(in, inputFile);
        } catch (IOException e) {
            throw ToolFiles.readFailure(inputFile, 0, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.table());
        if (outputFile != null) {
            ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
            try (OutputFile f = OutputFile.open(outputFile, "--output-file")) {
                f.writer().write(mapper.writeValueAsString(report.toJson()));
                f.writer().newLine();
                f.commit();
            } catch (IOException e) {
                throw ToolFiles.writeFailure(outputFile, e);
            }
            out.println("Report written to " + outputFile);
        }
        out.flush();
        return 0;
    }
}
