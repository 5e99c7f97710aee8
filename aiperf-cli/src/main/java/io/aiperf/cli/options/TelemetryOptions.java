package io.aiperf.cli.options;

import picocli.CommandLine.Option;

import java.util.List;

/** AIPerf's Telemetry and Server Metrics groups, and ours: {@code --prometheus-metrics}. */
public final class TelemetryOptions {

    @Option(names = "--gpu-telemetry", arity = "0..*", paramLabel = "ITEM",
            description = "GPU telemetry from DCGM exporters (tried by default at http://localhost:9400/metrics and "
                    + ":9401, quietly). The flag prints the GPU tables; items: exporter URLs (host:port[/metrics]), "
                    + "'dashboard' (the dashboard's GPU panel), a dcgm-exporter CSV of more fields (FILE.csv).")
    public List<String> gpuTelemetry;

    @Option(names = "--no-gpu-telemetry", description = "Scrape no DCGM exporter, not even the defaults.")
    public boolean noGpuTelemetry;

    @Option(names = "--server-metrics", arity = "0..*", paramLabel = "URL",
            description = "More Prometheus endpoints of the server to scrape (default, always: each --url's /metrics).")
    public List<String> serverMetrics;

    @Option(names = "--no-server-metrics", description = "Scrape none of the server's Prometheus endpoints.")
    public boolean noServerMetrics;

    @Option(names = "--server-metrics-formats", arity = "1..*", split = ",", paramLabel = "FORMAT",
            description = "server_metrics_export files to write: json, csv, jsonl (the raw time series; default: "
                    + "json csv).")
    public List<String> serverMetricsFormats;

    @Option(names = "--prometheus-metrics", arity = "1..*", paramLabel = "NAME",
            description = "Ours: server metrics (Prometheus names) to show beside the latency table, before and "
                    + "after the profiling window and their change (e.g. vllm:prefix_cache_hits_total).")
    public List<String> prometheusMetrics;
}
