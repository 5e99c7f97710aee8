package io.aiperf.records.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.message.Message.TelemetryResult;
import io.aiperf.core.model.CsvField;
import io.aiperf.core.model.GpuTelemetry;
import io.aiperf.core.model.NamedMetricChange;
import io.aiperf.core.model.StatFormat;
import io.aiperf.core.model.TelemetryStat;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.MetricResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the telemetry manager's summary adds to the records manager's exports: {@code telemetry_data} in the JSON
 * (AIPerf's shape: summary, then endpoints → gpus → metrics), the GPU section of the CSV, and on the console one
 * table per GPU (with {@code --gpu-telemetry}) and the {@code --prometheus-metrics} table. Ours, beyond AIPerf: the
 * energy the GPUs used over the profiling window per output token, and output tokens per joule.
 */
final class TelemetryReport {

    private static final String[] CSV_STATS = {"avg", "min", "max", "p1", "p5", "p10", "p25", "p50", "p75", "p90",
            "p95", "p99", "std"};
    private static final String[] TABLE_STATS = {"avg", "min", "max", "p99", "p90", "p50", "std"};

    private TelemetryReport() {
    }

    /** The energy every GPU used over the window, in joules, or null when no GPU reports energy. */
    static Double energyJoules(GpuTelemetry gpu) {
        Double mj = null;
        for (GpuTelemetry.Gpu g : gpu.gpus()) {
            TelemetryStat e = g.metric("energy_consumption");
            if (e != null && e.stat("avg") != null) {
                mj = (mj == null ? 0 : mj) + e.stat("avg");
            }
        }
        return mj == null ? null : mj * 1e6;
    }

    private static Double totalOutputTokens(ProfileSummary summary) {
        return summary.metric("total_osl").map(MetricResult::avg).orElse(null);
    }

    static void putTelemetryData(ObjectNode root, TelemetryResult t, ProfileSummary summary) {
        if (t == null || t.gpu() == null) {
            return;
        }
        GpuTelemetry g = t.gpu();
        ObjectNode data = root.putObject("telemetry_data");
        ObjectNode head = data.putObject("summary");
        g.endpointsConfigured().forEach(head.putArray("endpoints_configured")::add);
        g.endpointsSuccessful().forEach(head.putArray("endpoints_successful")::add);
        head.put("start_time_ns", g.startEpochNs());
        head.put("end_time_ns", g.endEpochNs());
        Double joules = energyJoules(g);
        Double tokens = totalOutputTokens(summary);
        if (joules != null && joules > 0) {
            head.put("energy_joules", joules); // ours
            if (tokens != null && tokens > 0) {
                head.put("energy_per_output_token_joules", joules / tokens);
                head.put("output_tokens_per_joule", tokens / joules);
            }
        }
        ObjectNode endpoints = data.putObject("endpoints");
        for (GpuTelemetry.Gpu gpu : g.gpus()) {
            ObjectNode endpoint = endpoints.has(gpu.endpoint()) ? (ObjectNode) endpoints.get(gpu.endpoint())
                    : endpoints.putObject(gpu.endpoint());
            ObjectNode gpus = endpoint.has("gpus") ? (ObjectNode) endpoint.get("gpus") : endpoint.putObject("gpus");
            ObjectNode one = gpus.putObject("gpu_" + gpu.gpuIndex());
            one.put("gpu_index", gpu.gpuIndex());
            putIfSet(one, "gpu_name", gpu.gpuName());
            putIfSet(one, "gpu_uuid", gpu.gpuUuid());
            putIfSet(one, "hostname", gpu.hostname());
            putIfSet(one, "namespace", gpu.namespace());
            putIfSet(one, "pod_name", gpu.podName());
            ObjectNode metrics = one.putObject("metrics");
            for (TelemetryStat m : gpu.metrics()) {
                ObjectNode metric = metrics.putObject(m.tag());
                metric.put("unit", m.unit());
                m.stats().forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        metric.put(k, v);
                    }
                });
            }
        }
    }

    /**
     * Ours, additive: {@code "prometheus_metrics": [{"name","type","before","after","delta"}]}, only when the run
     * named some with {@code --prometheus-metrics}; a missing value is null. Written so that a plan of rounds can put
     * each round's deltas side by side without the console.
     */
    static void putPrometheusMetrics(ObjectNode root, TelemetryResult t) {
        if (t == null || t.named().isEmpty()) {
            return;
        }
        ArrayNode list = root.putArray("prometheus_metrics");
        for (NamedMetricChange n : t.named()) {
            ObjectNode item = list.addObject().put("name", n.name()).put("type", n.type());
            putNumber(item, "before", n.before());
            putNumber(item, "after", n.after());
            putNumber(item, "delta", n.change());
        }
    }

    private static void putNumber(ObjectNode node, String key, Double value) {
        if (value == null || !Double.isFinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    private static void putIfSet(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    /** The CSV's GPU section (two blank lines first), or an empty string. */
    static String csvSection(TelemetryResult t) {
        if (t == null || t.gpu() == null || t.gpu().gpus().isEmpty()) {
            return "";
        }
        StringBuilder csv = new StringBuilder("\n\nEndpoint,GPU_Index,GPU_Name,GPU_UUID,Metric");
        for (String s : CSV_STATS) {
            csv.append(',').append(s);
        }
        csv.append(",Hostname\n");
        for (GpuTelemetry.Gpu g : t.gpu().gpus()) {
            for (TelemetryStat m : g.metrics()) {
                csv.append(CsvField.of(g.endpoint())).append(',').append(g.gpuIndex()).append(',').append(CsvField.of(g.gpuName()))
                        .append(',').append(CsvField.of(g.gpuUuid())).append(',')
                        .append(CsvField.of(m.label()));
                for (String s : CSV_STATS) {
                    Double v = m.stat(s);
                    csv.append(',').append(v == null || !Double.isFinite(v) ? "" : String.format(Locale.ROOT,
                            "%.2f", v));
                }
                csv.append(',').append(CsvField.of(g.hostname())).append('\n');
            }
        }
        return csv.toString();
    }


    /** The console's telemetry part: GPU tables (when {@code gpuTables}), energy, named metrics; or "". */
    static String tables(TelemetryResult t, ProfileSummary summary, boolean gpuTables, boolean unicode) {
        if (t == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        if (gpuTables && t.gpu() != null) {
            for (GpuTelemetry.Gpu g : t.gpu().gpus()) {
                List<String> headers = new ArrayList<>(List.of("Metric"));
                List<TextTable.Align> aligns = new ArrayList<>(List.of(TextTable.Align.RIGHT));
                for (String s : TABLE_STATS) {
                    headers.add(s);
                    aligns.add(TextTable.Align.RIGHT);
                }
                TextTable table = new TextTable(headers, aligns);
                for (TelemetryStat m : g.metrics()) {
                    List<String> cells = new ArrayList<>();
                    cells.add(m.label() + (m.counter() ? " Δ" : ""));
                    for (String s : TABLE_STATS) {
                        cells.add(StatFormat.number(m.stat(s)));
                    }
                    table.addRow(cells);
                }
                out.append('\n').append(table.render("GPU " + g.gpuIndex() + " | " + (g.gpuName() == null ? "?"
                        : g.gpuName()) + " | " + g.endpoint(), unicode));
            }
            Double joules = energyJoules(t.gpu());
            Double tokens = totalOutputTokens(summary);
            if (joules != null && joules > 0 && tokens != null && tokens > 0) {
                out.append(String.format(Locale.US, "GPU energy over the profiling window: %,.1f J; %,.4f J per "
                        + "output token; %,.2f output tokens per joule%n", joules, joules / tokens, tokens / joules));
            }
        }
        if (!t.named().isEmpty()) {
            TextTable table = new TextTable(List.of("Metric", "Type", "Before", "After", "Change"),
                    List.of(TextTable.Align.LEFT, TextTable.Align.LEFT, TextTable.Align.RIGHT, TextTable.Align.RIGHT,
                            TextTable.Align.RIGHT));
            for (NamedMetricChange n : t.named()) {
                table.addRow(List.of(n.name(), n.type(), StatFormat.number(n.before()), StatFormat.number(n.after()),
                        StatFormat.number(n.change())));
            }
            out.append('\n').append(table.render("Server Metrics | --prometheus-metrics", unicode));
        }
        for (String w : t.warnings()) {
            out.append("Warning: ").append(w).append('\n');
        }
        return out.toString();
    }
}
