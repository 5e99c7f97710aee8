package io.aiperf.core.config;

/**
 * Process layout and presentation.
 *
 * @param workers          worker JVMs the controller starts on its own host (resolved from {@code --workers-max}
 *                         and concurrency); 0 when every worker joins from elsewhere
 * @param uiType           {@code dashboard}, {@code simple} or {@code none}
 * @param logLevel         SLF4J level name for the services' log file
 * @param recordProcessors threads in the controller that compute per-request metrics ({@code --record-processors})
 * @param highLoadCpuPercent a worker's CPU per cent of one core above which the UI warns that the client may be the
 *                         bottleneck ({@code AIPERF_WORKER_HIGH_LOAD_CPU_USAGE}, AIPerf's 85)
 * @param zmqHost          the IPv4 interface the message bus binds on ({@code --zmq-host}); loopback by default
 * @param zmqPort          the first of the {@link #FIXED_PORTS} fixed ports the
 *                         remote-facing channels bind to ({@code --zmq-port}), or 0 for ephemeral ports
 * @param remote           the workers that join from other hosts ({@code --remote-workers})
 */
public record ServiceConfig(int workers, String uiType, String logLevel, int recordProcessors,
                            double highLoadCpuPercent, String zmqHost, int zmqPort, RemoteWorkers remote) {

    /** Where the message bus binds unless {@code --zmq-host} names another interface: loopback, AIPerf's too. */
    public static final String DEFAULT_ZMQ_HOST = "127.0.0.1";

    /**
     * The first fixed port when workers join from elsewhere and {@code --zmq-port} is not given: AIPerf's credit
     * router port.
     */
    public static final int DEFAULT_ZMQ_PORT = 5564;

    /**
     * How many ports a run with fixed ports takes: {@code --zmq-port BASE} binds the credits channel on BASE, events
     * on BASE + 1 and records on BASE + 2 ({@code io.aiperf.core.bus.Channel#portFrom}).
     */
    public static final int FIXED_PORTS = 3;

    /** AIPerf's default high-load threshold. */
    public static final double DEFAULT_HIGH_LOAD_CPU_PERCENT = 85;

    /**
     * Workers that join the run from other hosts ({@code aiperf worker --controller HOST:PORT}).
     *
     * @param count                 how many must join before the load starts ({@code --remote-workers}), 0 for none
     * @param joinTimeoutSeconds    how long the run waits for them ({@code --remote-workers-join-timeout})
     * @param silenceTimeoutSeconds a joined worker that sends nothing for this long is lost
     *                              ({@code --remote-workers-silence-timeout}): its host died or the network parted
     */
    public record RemoteWorkers(int count, double joinTimeoutSeconds, double silenceTimeoutSeconds) {

        public static final double DEFAULT_JOIN_TIMEOUT_SECONDS = 600;
        public static final double DEFAULT_SILENCE_TIMEOUT_SECONDS = 10;

        /** No worker joins from elsewhere. */
        public static final RemoteWorkers NONE = new RemoteWorkers(0, DEFAULT_JOIN_TIMEOUT_SECONDS,
                DEFAULT_SILENCE_TIMEOUT_SECONDS);

        public RemoteWorkers {
            if (count < 0) {
                throw new IllegalArgumentException("remote workers cannot be negative");
            }
            // A configuration written before remote workers existed has neither: the defaults.
            joinTimeoutSeconds = joinTimeoutSeconds > 0 ? joinTimeoutSeconds : DEFAULT_JOIN_TIMEOUT_SECONDS;
            silenceTimeoutSeconds = silenceTimeoutSeconds > 0 ? silenceTimeoutSeconds
                    : DEFAULT_SILENCE_TIMEOUT_SECONDS;
        }
    }

    /** With AIPerf's default high-load threshold. */
    public ServiceConfig(int workers, String uiType, String logLevel, int recordProcessors) {
        this(workers, uiType, logLevel, recordProcessors, DEFAULT_HIGH_LOAD_CPU_PERCENT, DEFAULT_ZMQ_HOST, 0,
                RemoteWorkers.NONE);
    }

    public ServiceConfig {
        remote = remote == null ? RemoteWorkers.NONE : remote;
        if (workers < 0 || workers + remote.count() < 1) {
            throw new IllegalArgumentException("at least one worker is required");
        }
        if (recordProcessors < 1) {
            throw new IllegalArgumentException("at least one record processor is required");
        }
        if (zmqPort < 0 || zmqPort > 65536 - FIXED_PORTS) {
            throw new IllegalArgumentException("zmq port " + zmqPort + " out of range");
        }
        // A run_config.json written before the threshold was a setting has none: AIPerf's default.
        highLoadCpuPercent = highLoadCpuPercent > 0 ? highLoadCpuPercent : DEFAULT_HIGH_LOAD_CPU_PERCENT;
        zmqHost = zmqHost == null || zmqHost.isBlank() ? DEFAULT_ZMQ_HOST : zmqHost;
    }

    /** Every worker of the run: the controller's own and those that join. */
    public int totalWorkers() {
        return workers + remote.count();
    }

    /** AIPerf's default: one record processor per 4 workers, at least one ({@link AiperfEnvironment} may change 4). */
    public static int defaultRecordProcessors(int workers) {
        return AiperfEnvironment.DEFAULTS.defaultRecordProcessors(workers);
    }
}
