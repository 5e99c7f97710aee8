package io.aiperf.core.config;

/**
 * Process layout and presentation.
 *
 * @param workers  worker JVMs to start (already resolved from {@code --workers-max} and concurrency)
 * @param uiType   {@code dashboard}, {@code simple} or {@code none}
 * @param logLevel SLF4J level name for the services' log file
 */
public record ServiceConfig(int workers, String uiType, String logLevel) {

    public ServiceConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is required");
        }
    }
}
