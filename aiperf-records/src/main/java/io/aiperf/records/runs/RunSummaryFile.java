package io.aiperf.records.runs;

import com.fasterxml.jackson.databind.JsonNode;
import io.aiperf.records.export.ExportFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the multi-run summaries need from one run's {@code profile_export_aiperf.json}: its version, its metrics (a
 * top-level object with a {@code unit} field; {@code input_config}, {@code telemetry_data} and the other keys are not
 * metrics) and the {@code --prometheus-metrics} deltas when the run had some.
 */
public record RunSummaryFile(String aiperfVersion, Map<String, MetricStats> metrics,
                             List<PrometheusDelta> prometheusMetrics) {

    /** One metric's statistics as the run wrote them (display units); only finite values are kept. */
    public record MetricStats(String unit, Map<String, Double> stats) {

        public Double stat(String name) {
            return stats.get(name);
        }

        /** A distribution metric has percentiles; a single-value one (counts, throughputs) has only {@code avg}. */
        public boolean distribution() {
            return stats.containsKey("p50") || stats.containsKey("p99");
        }
    }

    /** One {@code --prometheus-metrics} name: its value before and after the profiling window and the change. */
    public record PrometheusDelta(String name, Double before, Double after, Double delta) {
    }

    public RunSummaryFile {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        prometheusMetrics = List.copyOf(prometheusMetrics);
    }

    /** Reads {@code dir/profile_export_aiperf.json}; an IOException names the file when it is missing or broken. */
    public static RunSummaryFile read(Path dir) throws IOException {
        return parse(RunsJson.read(dir.resolve(ExportFiles.SUMMARY_JSON)));
    }

    public MetricStats metric(String tag) {
        return metrics.get(tag);
    }

    static RunSummaryFile parse(JsonNode root) {
        Map<String, MetricStats> metrics = new LinkedHashMap<>();
        root.fields().forEachRemaining(e -> {
            JsonNode value = e.getValue();
            if (value.isObject() && value.has("unit")) {
                Map<String, Double> stats = new LinkedHashMap<>();
                value.fields().forEachRemaining(s -> {
                    Double v = RunsJson.finite(s.getValue());
                    if (v != null) {
                        stats.put(s.getKey(), v);
                    }
                });
                metrics.put(e.getKey(), new MetricStats(value.path("unit").asText(""), stats));
            }
        });
        List<PrometheusDelta> prometheus = new ArrayList<>();
        for (JsonNode p : root.path("prometheus_metrics")) {
            prometheus.add(new PrometheusDelta(p.path("name").asText(), RunsJson.finite(p.get("before")),
                    RunsJson.finite(p.get("after")), RunsJson.finite(p.get("delta"))));
        }
        JsonNode version = root.get("aiperf_version");
        return new RunSummaryFile(version == null || version.isNull() ? null : version.asText(), metrics, prometheus);
    }
}
