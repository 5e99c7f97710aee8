package io.aiperf.core.config;

/**
 * Process layout and presentation.
 *
 * @param workers          worker JVMs to start (already resolved from {@code --workers-max} and concurrency)
 * @param uiType           {@code dashboard}, {@code simple} or {@code none}
 * @param logLevel         SLF4J level name for the services' log file
 * @param recordProcessors threads in the controller that compute per-request metrics ({@code --record-processors})
 */
public record ServiceConfig(int workers, String uiType, String logLevel, int recordProcessors) {

    public ServiceConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is required");
        }
        if (recordProcessors < 1) {
            throw new IllegalArgumentException("at least one record processor is required");
        }
    }

    /** AIPerf's default: one record processor per 4 workers, at least one. */
    public static int defaultRecordProcessors(int workers) {
        return Math.max(1, workers / 4);
    }
}
