package io.aiperf.core.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every {@code AIPERF_*} environment variable this build knows: AIPerf's (whether or not it changes anything here) and
 * our own. A variable in the environment that is not here draws one warning; {@code docs/configuration.md} has a row
 * for each (a test holds the two together).
 *
 * @param honoured whether it changes anything in this build; AIPerf's aiohttp and ZMQ internals have no counterpart
 *                 and are accepted without effect
 */
public enum AiperfVariable {

    HTTP_CONNECTION_LIMIT("2500", false),
    HTTP_KEEPALIVE_TIMEOUT("300", false),
    HTTP_SO_RCVBUF("10485760", false),
    HTTP_SO_SNDBUF("10485760", false),
    HTTP_IP_VERSION("4", false),
    HTTP_SSL_VERIFY("true", true),
    HTTP_TRUST_ENV("false", false),
    WORKER_CPU_UTILIZATION_FACTOR("0.75", true),
    WORKER_MAX_WORKERS_CAP("32", true),
    WORKER_HIGH_LOAD_CPU_USAGE("85", true),
    WORKER_HEALTH_CHECK_INTERVAL("2", false),
    RECORD_PROCESSOR_SCALE_FACTOR("4", true),
    RECORD_EXPORT_BATCH_SIZE("100", false),
    RECORD_RAW_EXPORT_BATCH_SIZE("10", false),
    TIMING_CANCEL_DRAIN_TIMEOUT("10", false),
    TIMING_RATE_RAMP_UPDATE_INTERVAL("0.1", false),
    GPU_COLLECTION_INTERVAL("0.333", true),
    GPU_DEFAULT_DCGM_ENDPOINTS("http://localhost:9400/metrics,http://localhost:9401/metrics", true),
    SERVER_METRICS_COLLECTION_INTERVAL("0.333", true),
    SERVER_METRICS_COLLECTION_FLUSH_PERIOD("2", false),
    METRICS_OSL_MISMATCH_PCT_THRESHOLD("5", true),
    METRICS_OSL_MISMATCH_MAX_TOKEN_THRESHOLD("50", true),
    METRICS_USAGE_PCT_DIFF_THRESHOLD("10", true),
    UI_REALTIME_METRICS_INTERVAL("5", false),
    ZMQ_PULL_MAX_CONCURRENCY("100000", false),
    ZMQ_RCVTIMEO("300000", false),
    ZMQ_SNDTIMEO("300000", false),
    DEV_MODE("false", false),
    DEV_SHOW_INTERNAL_METRICS("false", false),
    DEV_SHOW_EXPERIMENTAL_METRICS("false", false),
    // Ours: read by the CLI JVM where they are used (the service launcher, the download caches).
    CACHE_DIR("~/.cache/aiperf", true),
    CDS("on", true),
    CDS_DIR("<AIPERF_CACHE_DIR>/cds", true),
    SERVICE_JAVA_OPTS("", true);

    /** AIPerf's ZMQ settings are a family ({@code AIPERF_ZMQ_*_YIELD_INTERVAL} and more): all accepted as known. */
    private static final String ZMQ_FAMILY = "AIPERF_ZMQ_";

    private static final Map<String, AiperfVariable> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(AiperfVariable::envName, Function.identity()));

    private final String defaultValue;
    private final boolean honoured;

    AiperfVariable(String defaultValue, boolean honoured) {
        this.defaultValue = defaultValue;
        this.honoured = honoured;
    }

    /** The variable's name in the environment, e.g. {@code AIPERF_WORKER_MAX_WORKERS_CAP}. */
    public String envName() {
        return "AIPERF_" + name();
    }

    /** The default as AIPerf writes it (seconds for intervals, per cent for thresholds). */
    public String defaultValue() {
        return defaultValue;
    }

    public boolean honoured() {
        return honoured;
    }

    /** The variable of that name, if this build knows it. */
    public static Optional<AiperfVariable> byName(String envName) {
        return Optional.ofNullable(BY_NAME.get(envName));
    }

    /** Whether {@code envName} is one of ours or AIPerf's (the whole {@code AIPERF_ZMQ_} family counts). */
    public static boolean isKnown(String envName) {
        return BY_NAME.containsKey(envName) || envName.startsWith(ZMQ_FAMILY);
    }
}
