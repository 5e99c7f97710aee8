package io.aiperf.core.config;

/**
 * Process layout and presentation.
 *
 * @param workers          worker JVMs to start (already resolved from {@code --workers-max} and concurrency)
 * @param uiType           {@code dashboard}, {@code simple} or {@code none}
 * @param logLevel         SLF4J level name for the services' log file
 * @param recordProcessors threads in the controller that compute per-request metrics ({@code --record-processors})
 * @param highLoadCpuPercent a worker's CPU per cent of one core above which the UI warns that the client may be the
 *                         bottleneck ({@code AIPERF_WORKER_HIGH_LOAD_CPU_USAGE}, AIPerf's 85)
 * @param zmqHost          the IPv4 interface the message bus binds on ({@code --zmq-host}); loopback by default
 */
public record ServiceConfig(int workers, String uiType, String logLevel, int recordProcessors,
                            double highLoadCpuPercent, String zmqHost) {

    /** Where the message bus binds unless {@code --zmq-host} names another interface: loopback, AIPerf's too. */
    public static final String DEFAULT_ZMQ_HOST = "127.0.0.1";

    /** AIPerf's default high-load threshold. */
    public static final double DEFAULT_HIGH_LOAD_CPU_PERCENT = 85;

    /** With AIPerf's default high-load threshold. */
    public ServiceConfig(int workers, String uiType, String logLevel, int recordProcessors) {
        this(workers, uiType, logLevel, recordProcessors, DEFAULT_HIGH_LOAD_CPU_PERCENT, DEFAULT_ZMQ_HOST);
    }

    public ServiceConfig {
        if (workers < 1) {
            throw new IllegalArgumentException("at least one worker is required");
        }
        if (recordProcessors < 1) {
            throw new IllegalArgumentException("at least one record processor is required");
        }
        // A run_config.json written before the threshold was a setting has none: AIPerf's default.
        highLoadCpuPercent = highLoadCpuPercent > 0 ? highLoadCpuPercent : DEFAULT_HIGH_LOAD_CPU_PERCENT;
        zmqHost = zmqHost == null || zmqHost.isBlank() ? DEFAULT_ZMQ_HOST : zmqHost;
    }

    /** AIPerf's default: one record processor per 4 workers, at least one ({@link AiperfEnvironment} may change 4). */
    public static int defaultRecordProcessors(int workers) {
        return AiperfEnvironment.DEFAULTS.defaultRecordProcessors(workers);
    }
}
