package io.aiperf.cli.options;

import io.aiperf.core.config.AiperfEnvironment;
import io.aiperf.core.config.GpuFieldSpec;
import io.aiperf.core.config.TelemetryConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.error.UsageException;
import io.aiperf.telemetry.CustomFieldsCsv;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** {@link TelemetryOptions} → {@link TelemetryConfig}, with AIPerf's defaults and its conflicts refused. */
public final class TelemetryResolver {

    private static final Set<String> FORMATS = Set.of("json", "csv", "jsonl");

    private TelemetryResolver() {
    }

    /**
     * @param serverUrls the run's {@code --url}s: each one's {@code /metrics} is scraped by default
     * @param warnings   told one line per bad row of a {@code --gpu-telemetry FILE.csv}: the row is skipped and the
     *                   run goes on, as in AIPerf
     */
    public static TelemetryConfig resolve(TelemetryOptions o, List<String> serverUrls, Consumer<String> warnings) {
        return resolve(o, serverUrls, warnings, AiperfEnvironment.DEFAULTS);
    }

    /** @param environment the default DCGM exporters and both scrape periods */
    public static TelemetryConfig resolve(TelemetryOptions o, List<String> serverUrls, Consumer<String> warnings,
                                          AiperfEnvironment environment) {
        if (o.gpuTelemetry != null && o.noGpuTelemetry) {
            throw new UsageException("--gpu-telemetry and --no-gpu-telemetry cannot be used together");
        }
        if (o.serverMetrics != null && o.noServerMetrics) {
            throw new UsageException("--server-metrics and --no-server-metrics cannot be used together");
        }
        TelemetryConfig.Gpu gpu = TelemetryConfig.Gpu.OFF;
        if (!o.noGpuTelemetry) {
            boolean dashboard = false;
            List<GpuFieldSpec> customFields = List.of();
            List<String> urls = new ArrayList<>();
            for (String item : o.gpuTelemetry == null ? List.<String>of() : o.gpuTelemetry) {
                String v = item.trim();
                if (v.equalsIgnoreCase("dashboard")) {
                    dashboard = true;
                } else if (v.equalsIgnoreCase("pynvml")) {
                    throw new UsageException("--gpu-telemetry pynvml: this build reads GPUs through DCGM exporters"
                            + " only; give their URLs (host:port)");
                } else if (v.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    customFields = customFields(v, warnings);
                } else {
                    urls.add(metricsUrl("--gpu-telemetry", v));
                }
            }
            gpu = new TelemetryConfig.Gpu(true, o.gpuTelemetry != null, dashboard, urls,
                    environment.gpuDefaultDcgmEndpoints(), customFields);
        }
        TelemetryConfig.ServerMetrics server = TelemetryConfig.ServerMetrics.OFF;
        if (!o.noServerMetrics) {
            List<String> formats = new ArrayList<>();
            for (String f : o.serverMetricsFormats == null ? List.of("json", "csv") : o.serverMetricsFormats) {
                String v = f.trim().toLowerCase(Locale.ROOT);
                if (v.equals("parquet")) {
                    throw new UsageException("--server-metrics-formats parquet: not written by this build; jsonl holds"
                            + " the same time series");
                }
                if (!FORMATS.contains(v)) {
                    throw new UsageException("--server-metrics-formats '" + f + "': expected json, csv or jsonl");
                }
                formats.add(v);
            }
            List<String> urls = new ArrayList<>();
            for (String u : o.serverMetrics == null ? List.<String>of() : o.serverMetrics) {
                urls.add(metricsUrl("--server-metrics", u.trim()));
            }
            Set<String> defaults = new LinkedHashSet<>();
            for (String u : serverUrls) {
                defaults.add(baseOf(u) + "/metrics");
            }
            server = new TelemetryConfig.ServerMetrics(true, urls, List.copyOf(defaults), formats);
        }
        return new TelemetryConfig(gpu, server, o.prometheusMetrics, environment.gpuCollectionIntervalMs(),
                environment.serverMetricsIntervalMs());
    }

    /** The CSV's good rows; it is read here, at start, so a missing file stops the run before anything runs. */
    private static List<GpuFieldSpec> customFields(String file, Consumer<String> warnings) {
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new UsageException("--gpu-telemetry " + file + ": file not found");
        }
        CustomFieldsCsv.Result csv;
        try {
            csv = CustomFieldsCsv.parse(path);
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--gpu-telemetry " + file + ": cannot read it: " + OneLine.of(e));
        }
        csv.problems().forEach(warnings);
        return csv.fields();
    }

    /** {@code host:port} → {@code http://host:port/metrics}; a URL without a path gets {@code /metrics}. */
    static String metricsUrl(String option, String value) {
        String url = value.contains("://") ? value : "http://" + value;
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + " '" + value + "': not a URL or host:port");
        }
        if (uri.getHost() == null) {
            throw new UsageException(option + " '" + value + "': not a URL or host:port");
        }
        String path = uri.getRawPath();
        return path == null || path.isEmpty() || path.equals("/") ? baseOf(url) + "/metrics" : url;
    }

    /** {@code scheme://host[:port]} of {@code url}. */
    static String baseOf(String url) {
        URI u = URI.create(url.contains("://") ? url : "http://" + url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }
}
