package io.aiperf.records;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.BenchmarkConfig;
import io.aiperf.core.message.MessageCodec;
import io.aiperf.core.service.AiperfVersion;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.export.ExportFiles;
import io.aiperf.records.export.JsonlRecordReader;
import io.aiperf.records.export.RecordExports;
import io.aiperf.records.export.RunInfo;
import io.aiperf.records.export.RunReport;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.pipeline.RecordCollector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a run's summaries ({@code profile_export_aiperf.json}, {@code .csv}, the time slices when the run had
 * {@code --slice-duration}) from the {@code profile_export.jsonl} on disk and the {@code run_config.json} the records
 * manager wrote beside it: what {@code aiperf summarize DIR} does for a run whose records manager or controller died
 * before writing them. The metrics are aggregated by the same {@link RecordAggregator} with the same registry as in
 * the run; the per-request values come from the file (full double precision), so the rebuilt summary equals the one
 * the run would have written for those records, except {@code lost_workers}, which only the live run knows.
 *
 * <p>{@code was_cancelled} is true unless the directory already held a summary saying otherwise (a run that died
 * did not finish), and the summary's warnings say it was rebuilt and from how many records.
 */
public final class SummaryRebuild {

    /**
     * What was rebuilt.
     *
     * @param report  the console tables, as the run would have printed them
     * @param trailer one line per file, as the run's trailer
     */
    public record Result(long records, boolean truncatedLastLine, String report, List<String> trailer) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryRebuild() {
    }

    /**
     * Rebuilds the summaries of {@code artifactDir}.
     *
     * @param overwrite replace a summary already there; without it an existing summary is an error
     * @throws IllegalArgumentException with a one-line reason when the directory cannot be summarised
     * @throws UncheckedIOException     when a file cannot be read or written
     */
    public static Result rebuild(Path artifactDir, boolean overwrite) {
        BenchmarkConfig config = readConfig(artifactDir);
        RecordExports exports;
        boolean openLoop = config.load().openLoop();
        MetricRegistry registry = MetricRegistry.standard(MetricSettings.forConfig(config));
        try {
            exports = RecordExports.summariesOnly(config.output(), openLoop, registry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path jsonl = exports.recordsJsonl();
        if (!Files.isRegularFile(jsonl)) {
            throw new IllegalArgumentException("no " + jsonl.getFileName() + " in " + artifactDir
                    + " (the run exported at level summary, or never reached its first record)");
        }
        Path summaryJson = exports.summaryJson();
        Boolean earlierCancelled = null;
        if (Files.exists(summaryJson)) {
            if (!overwrite) {
                throw new IllegalArgumentException(artifactDir + " already has " + summaryJson.getFileName()
                        + "; pass --overwrite to replace it");
            }
            earlierCancelled = wasCancelled(summaryJson);
        }
        RecordAggregator aggregator = new RecordAggregator(openLoop, registry);
        JsonlRecordReader.Result read;
        try {
            read = JsonlRecordReader.read(jsonl, record -> {
                aggregator.add(record);
                try {
                    exports.write(record, null);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProfileSummary live = aggregator.summarize();
        List<String> warnings = new ArrayList<>(live.warnings());
        warnings.add("Summaries rebuilt by `aiperf summarize` from the " + read.records() + " records in "
                + jsonl.getFileName() + (read.truncatedLastLine() ? " (its unfinished last line skipped)" : ""));
        ProfileSummary summary = new ProfileSummary(live.metrics(), live.errors(), live.requestCount(),
                live.errorRequestCount(), live.minRequestEpochNs(), live.maxResponseEpochNs(), warnings);
        boolean cancelled = earlierCancelled == null || earlierCancelled;
        try {
            exports.writeSummaries(summary, RunInfo.of(config, AiperfVersion.VERSION, cancelled));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> files = new ArrayList<>(exports.trailer());
        files.add("JSONL Export: " + jsonl);
        return new Result(read.records(), read.truncatedLastLine(), RunReport.tables(config, summary),
                RunReport.trailer(config, summary, files, artifactDir));
    }

    /** The run's configuration, with its artifact directory where it is now (it may have been moved). */
    private static BenchmarkConfig readConfig(Path artifactDir) {
        Path file = artifactDir.resolve(ExportFiles.RUN_CONFIG_JSON);
        BenchmarkConfig config;
        try {
            config = MessageCodec.decodeConfig(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no " + ExportFiles.RUN_CONFIG_JSON + " in " + artifactDir
                    + ": not an artifact directory of a run that reached its first record");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage());
        }
        return config.withArtifactDir(artifactDir.toString());
    }

    private static Boolean wasCancelled(Path summaryJson) {
        try {
            JsonNode node = JSON.readTree(summaryJson.toFile()).get("was_cancelled");
            return node == null || !node.isBoolean() ? null : node.booleanValue();
        } catch (IOException e) {
            return null; // an unreadable summary is replaced like a missing one
        }
    }
}
