package io.aiperf.core.config;

import java.util.Locale;

/** How much of a run {@code --export-level} writes (reference §6.1). */
public enum ExportLevel {
    /** The summary JSON and CSV only. */
    SUMMARY,
    /** Plus {@code profile_export.jsonl}, one line of metrics per request (the default). */
    RECORDS,
    /** Plus {@code profile_export_raw.jsonl}: each request's payload, headers and responses as sent and received. */
    RAW;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the level named {@code value} (any case), or null when there is none */
    public static ExportLevel parse(String value) {
        for (ExportLevel level : values()) {
            if (level.cliName().equalsIgnoreCase(value)) {
                return level;
            }
        }
        return null;
    }
}
