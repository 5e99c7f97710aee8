package io.aiperf.core.config;

import java.util.List;

/**
 * What the telemetry manager scrapes besides the benchmark (never on the request path): the GPUs' DCGM exporters and
 * the inference server's own Prometheus metrics, and the metrics the user named.
 *
 * @param gpu               {@code --gpu-telemetry}, {@code --no-gpu-telemetry}
 * @param serverMetrics     {@code --server-metrics}, {@code --no-server-metrics}, {@code --server-metrics-formats}
 * @param prometheusMetrics ours, {@code --prometheus-metrics NAME…}: server metrics shown beside the latency table
 *                          (before, after and the change over the run); empty when none were named
 * @param gpuIntervalMs     how often the DCGM exporters are scraped ({@code AIPERF_GPU_COLLECTION_INTERVAL})
 * @param serverIntervalMs  how often the servers' {@code /metrics} are scraped
 *                          ({@code AIPERF_SERVER_METRICS_COLLECTION_INTERVAL})
 */
public record TelemetryConfig(Gpu gpu, ServerMetrics serverMetrics, List<String> prometheusMetrics,
                              long gpuIntervalMs, long serverIntervalMs) {

    /** How often every endpoint is scraped by default (AIPerf's 0.333 s). */
    public static final long SCRAPE_INTERVAL_MS = 333;

    /** AIPerf's DCGM exporter defaults, tried quietly in every run unless {@code --no-gpu-telemetry}. */
    public static final List<String> DEFAULT_DCGM_URLS = List.of("http://localhost:9400/metrics",
            "http://localhost:9401/metrics");

    /** Nothing scraped: {@code --no-gpu-telemetry --no-server-metrics}. */
    public static final TelemetryConfig NONE = new TelemetryConfig(Gpu.OFF, ServerMetrics.OFF, List.of());

    /**
     * @param enabled       scrape at all (false with {@code --no-gpu-telemetry})
     * @param console       print the GPU tables after the metrics table ({@code --gpu-telemetry} given)
     * @param dashboard     {@code --gpu-telemetry dashboard}: the live dashboard's GPU panel
     * @param urls          the DCGM exporters the user named: an unreachable one is reported
     * @param defaultUrls   tried quietly: an unreachable one is dropped without a word
     * @param customFields  more fields to read, from a dcgm-exporter CSV ({@code --gpu-telemetry FILE.csv}) parsed
     *                      at start: its good rows, none naming a standard field, each name once; empty without one
     */
    public record Gpu(boolean enabled, boolean console, boolean dashboard, List<String> urls, List<String> defaultUrls,
                      List<GpuFieldSpec> customFields) {

        public static final Gpu OFF = new Gpu(false, false, false, List.of(), List.of(), List.of());

        public Gpu {
            urls = urls == null ? List.of() : List.copyOf(urls);
            defaultUrls = defaultUrls == null ? List.of() : List.copyOf(defaultUrls);
            customFields = customFields == null ? List.of() : List.copyOf(customFields);
        }
    }

    /**
     * @param enabled     scrape at all (false with {@code --no-server-metrics})
     * @param urls        the endpoints the user named with {@code --server-metrics URL…}: an unreachable one is reported
     * @param defaultUrls each {@code --url}'s {@code /metrics}, tried quietly
     * @param formats     {@code json}, {@code csv}, {@code jsonl}: which {@code server_metrics_export.*} files to write
     */
    public record ServerMetrics(boolean enabled, List<String> urls, List<String> defaultUrls, List<String> formats) {

        public static final ServerMetrics OFF = new ServerMetrics(false, List.of(), List.of(), List.of());

        public ServerMetrics {
            urls = urls == null ? List.of() : List.copyOf(urls);
            defaultUrls = defaultUrls == null ? List.of() : List.copyOf(defaultUrls);
            formats = formats == null ? List.of() : List.copyOf(formats);
        }
    }

    /** Scraped every {@link #SCRAPE_INTERVAL_MS}. */
    public TelemetryConfig(Gpu gpu, ServerMetrics serverMetrics, List<String> prometheusMetrics) {
        this(gpu, serverMetrics, prometheusMetrics, SCRAPE_INTERVAL_MS, SCRAPE_INTERVAL_MS);
    }

    public TelemetryConfig {
        // A run_config.json written before the periods were settings has none: AIPerf's default.
        gpuIntervalMs = gpuIntervalMs < 1 ? SCRAPE_INTERVAL_MS : gpuIntervalMs;
        serverIntervalMs = serverIntervalMs < 1 ? SCRAPE_INTERVAL_MS : serverIntervalMs;
        gpu = gpu == null ? Gpu.OFF : gpu;
        serverMetrics = serverMetrics == null ? ServerMetrics.OFF : serverMetrics;
        prometheusMetrics = prometheusMetrics == null ? List.of() : List.copyOf(prometheusMetrics);
    }

    /** Whether the run needs a telemetry manager at all. */
    public boolean anyEnabled() {
        return gpu.enabled() || serverMetrics.enabled() || !prometheusMetrics.isEmpty();
    }
}
