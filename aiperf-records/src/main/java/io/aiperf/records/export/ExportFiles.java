package io.aiperf.records.export;

import io.aiperf.core.config.OutputConfig;

import java.nio.file.Path;

/**
 * The artifact file names of a run (reference §6.1): AIPerf's defaults, or all derived from
 * {@code --profile-export-prefix P} as {@code P.json}, {@code P.csv}, {@code P.jsonl}, {@code P_raw.jsonl} and
 * {@code P_timeslices.{json,csv}}.
 */
public final class ExportFiles {

    /** Per-request metrics, one JSON object per line. */
    public static final String RECORDS_JSONL = "profile_export.jsonl";
    /** Run summary and configuration. */
    public static final String SUMMARY_JSON = "profile_export_aiperf.json";
    /** Run summary as CSV. */
    public static final String SUMMARY_CSV = "profile_export_aiperf.csv";
    /** Every request and response as exchanged (export level raw). */
    public static final String RAW_JSONL = "profile_export_raw.jsonl";
    /** Per-time-slice statistics (JSON). */
    public static final String TIMESLICES_JSON = "profile_export_aiperf_timeslices.json";
    /** Per-time-slice statistics (tidy CSV). */
    public static final String TIMESLICES_CSV = "profile_export_aiperf_timeslices.csv";

    /**
     * Ours: the run's configuration (secrets redacted), written when {@code profile_export.jsonl} opens (not at
     * export level summary), so
     * {@code aiperf summarize} can rebuild the summaries from {@code profile_export.jsonl} after a crash.
     */
    public static final String RUN_CONFIG_JSON = "run_config.json";

    private final Path dir;
    private final String prefix;

    /** @param prefix the stripped {@code --profile-export-prefix}, or null for the default names */
    public ExportFiles(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    public static ExportFiles of(OutputConfig output) {
        return new ExportFiles(Path.of(output.artifactDir()), output.exportPrefix());
    }

    public Path summaryJson() {
        return dir.resolve(prefix == null ? SUMMARY_JSON : prefix + ".json");
    }

    public Path summaryCsv() {
        return dir.resolve(prefix == null ? SUMMARY_CSV : prefix + ".csv");
    }

    public Path recordsJsonl() {
        return dir.resolve(prefix == null ? RECORDS_JSONL : prefix + ".jsonl");
    }

    public Path rawJsonl() {
        return dir.resolve(prefix == null ? RAW_JSONL : prefix + "_raw.jsonl");
    }

    public Path timeslicesJson() {
        return dir.resolve(prefix == null ? TIMESLICES_JSON : prefix + "_timeslices.json");
    }

    public Path timeslicesCsv() {
        return dir.resolve(prefix == null ? TIMESLICES_CSV : prefix + "_timeslices.csv");
    }
}
