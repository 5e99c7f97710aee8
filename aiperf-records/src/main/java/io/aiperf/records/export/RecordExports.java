package io.aiperf.records.export;

import io.aiperf.core.config.ExportLevel;
import io.aiperf.core.config.OutputConfig;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every export file of a run, chosen by the output settings: the per-request files streamed while records arrive
 * ({@code profile_export.jsonl} unless the level is summary, {@code profile_export_raw.jsonl} at level raw, the time
 * slices' aggregates with {@code --slice-duration}) and the files written at the end. It remembers what it wrote,
 * so the console trailer lists exactly those files. Single writer, like the records manager's thread.
 */
public final class RecordExports implements Closeable {

    private final ExportFiles files;
    private final JsonlRecordWriter jsonl;
    private final RawRecordWriter raw;
    private final TimeSlices slices;
    /** "Kind: path" lines of the files written, in trailer order. */
    private final List<String> written = new ArrayList<>();

    public RecordExports(OutputConfig output, String recordProcessorId, boolean openLoop, MetricRegistry registry)
            throws IOException {
        this(output, recordProcessorId, openLoop, registry, true);
    }

    /**
     * The end-of-run files only, for summaries rebuilt from a {@code profile_export.jsonl} already on disk: no
     * per-request file is opened (or truncated); {@link #write} feeds the time slices alone.
     */
    public static RecordExports summariesOnly(OutputConfig output, boolean openLoop, MetricRegistry registry)
            throws IOException {
        return new RecordExports(output, null, openLoop, registry, false);
    }

    private RecordExports(OutputConfig output, String recordProcessorId, boolean openLoop, MetricRegistry registry,
                          boolean perRequest) throws IOException {
        this.files = ExportFiles.of(output);
        this.jsonl = !perRequest || output.exportLevel() == ExportLevel.SUMMARY ? null
                : new JsonlRecordWriter(files.recordsJsonl(), recordProcessorId, output.exportHttpTrace());
        try {
            this.raw = perRequest && output.raw() ? new RawRecordWriter(files.rawJsonl(), recordProcessorId) : null;
        } catch (IOException | RuntimeException e) {
            if (jsonl != null) {
                jsonl.close(); // the records manager never gets this object, so nobody else would close it
            }
            throw e;
        }
        this.slices = output.sliceDurationSeconds() == null ? null
                : new TimeSlices(output.sliceDurationSeconds(), openLoop, registry);
    }

    /** One profiling record computed by record processor {@code recordProcessorId}, into every per-request export. */
    public void write(MetricRecord record, String recordProcessorId) throws IOException {
        if (jsonl != null) {
            jsonl.write(record, recordProcessorId);
        }
        if (raw != null) {
            raw.write(record.record(), recordProcessorId);
        }
        if (slices != null) {
            slices.add(record);
        }
    }

    public void flush() throws IOException {
        if (jsonl != null) {
            jsonl.flush();
        }
        if (raw != null) {
            raw.flush();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (jsonl != null) {
                jsonl.close();
            }
        } finally {
            if (raw != null) {
                raw.close();
            }
        }
    }

    /** Writes the end-of-run files; the per-request files must be closed already. */
    public void writeSummaries(ProfileSummary summary, RunInfo run) throws IOException {
        Path json = files.summaryJson();
        Path csv = files.summaryCsv();
        SummaryJsonExporter.write(json, summary, run);
        SummaryCsvExporter.write(csv, summary, run.telemetry());
        written.add("CSV Export: " + csv);
        written.add("JSON Export: " + json);
        if (jsonl != null) {
            written.add("JSONL Export: " + files.recordsJsonl());
        }
        if (raw != null) {
            written.add("Raw Records Export: " + files.rawJsonl());
        }
        if (slices != null) {
            List<TimeSlices.Slice> results = slices.summarize();
            TimeSliceExporter.writeCsv(files.timeslicesCsv(), results);
            TimeSliceExporter.writeJson(files.timeslicesJson(), results, run);
            written.add("Timeslice CSV Export: " + files.timeslicesCsv());
            written.add("Timeslice JSON Export: " + files.timeslicesJson());
        }
    }

    public Path summaryJson() {
        return files.summaryJson();
    }

    /** Where {@code profile_export.jsonl} is (or would be) for these settings. */
    public Path recordsJsonl() {
        return files.recordsJsonl();
    }

    /** The trailer lines of the files written so far. */
    public List<String> trailer() {
        return List.copyOf(written);
    }
}
