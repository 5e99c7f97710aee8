package io.aiperf.records.export;

/** AIPerf's default artifact file names (reference §6.1). */
public final class ExportFiles {

    /** Per-request metrics, one JSON object per line. */
    public static final String RECORDS_JSONL = "profile_export.jsonl";
    /** Run summary and configuration. */
    public static final String SUMMARY_JSON = "profile_export_aiperf.json";
    /** Run summary as CSV. */
    public static final String SUMMARY_CSV = "profile_export_aiperf.csv";

    private ExportFiles() {
    }
}
