package io.aiperf.telemetry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.model.CsvField;
import io.aiperf.telemetry.prometheus.MetricType;
import io.aiperf.telemetry.scrape.WindowStats;
import io.aiperf.telemetry.stats.HistogramBucket;
import io.aiperf.telemetry.stats.HistogramQuantile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code server_metrics_export.json} and {@code .csv}: every series the server exposed, summarised over the profiling
 * window by its type: a gauge (or untyped, or a summary's quantile) gets avg, p1 … p99, min, max, std; a counter its
 * increase and rate; a histogram, per label set, the window's count, sum, mean and the p50/p90/p99 estimated from
 * the increase of its buckets. The CSV is the same numbers, one row per series and statistic.
 */
public final class ServerMetricsExport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One summarised series: what both files hold. */
    record Row(String url, String family, String type, Map<String, String> labels, Map<String, Double> stats) {
    }

    private ServerMetricsExport() {
    }

    static List<Row> rows(ServerMetricsStore store, long startEpochNs, long endEpochNs, long countersEndEpochNs) {
        List<Row> rows = new ArrayList<>();
        double windowS = Math.max(1e-9, (endEpochNs - startEpochNs) / 1e9);
        Map<String, List<ServerMetricsStore.Series>> histograms = new LinkedHashMap<>();
        for (ServerMetricsStore.Series s : store.all()) {
            String type = s.type().name().toLowerCase(Locale.ROOT);
            if (s.type() == MetricType.HISTOGRAM) {
                Map<String, String> labels = new TreeMap<>(s.labels());
                labels.remove("le");
                histograms.computeIfAbsent(s.url() + "\u0000" + s.family() + "\u0000" + labels, k -> new ArrayList<>())
                        .add(s);
                continue;
            }
            boolean counter = s.type() == MetricType.COUNTER || s.sample().endsWith("_count")
                    || s.sample().endsWith("_sum") || s.sample().endsWith("_total");
            if (counter) {
                Double increase = WindowStats.increase(s.points(), startEpochNs, countersEndEpochNs,
                        store.bornInWindow(s, startEpochNs));
                if (increase != null) {
                    Map<String, Double> stats = new LinkedHashMap<>();
                    stats.put("delta", increase);
                    stats.put("rate_per_s", increase / windowS);
                    rows.add(new Row(s.url(), s.sample(), type, s.labels(), stats));
                }
            } else {
                Map<String, Double> stats = WindowStats.gauge(s.points(), startEpochNs, endEpochNs, 1);
                if (stats != null) {
                    rows.add(new Row(s.url(), s.sample(), type, s.labels(), stats));
                }
            }
        }
        for (List<ServerMetricsStore.Series> h : histograms.values()) {
            Row row = histogram(store, h, startEpochNs, countersEndEpochNs);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Row histogram(ServerMetricsStore store, List<ServerMetricsStore.Series> parts, long startEpochNs,
                                 long endEpochNs) {
        List<HistogramBucket> buckets = new ArrayList<>();
        Double count = null;
        Double sum = null;
        ServerMetricsStore.Series any = parts.get(0);
        Map<String, String> labels = new TreeMap<>(any.labels());
        labels.remove("le");
        for (ServerMetricsStore.Series s : parts) {
            Double increase = WindowStats.increase(s.points(), startEpochNs, endEpochNs,
                    store.bornInWindow(s, startEpochNs));
            if (increase == null) {
                continue;
            }
            if (s.sample().endsWith("_bucket") && s.labels().get("le") != null) {
                buckets.add(new HistogramBucket(bound(s.labels().get("le")), increase));
            } else if (s.sample().endsWith("_count")) {
                count = increase;
            } else if (s.sample().endsWith("_sum")) {
                sum = increase;
            }
        }
        if (count == null && buckets.isEmpty()) {
            return null;
        }
        Map<String, Double> stats = new LinkedHashMap<>();
        stats.put("count", count);
        stats.put("sum", sum);
        stats.put("avg", count != null && count > 0 && sum != null ? sum / count : null);
        for (double q : new double[] {0.50, 0.90, 0.99}) {
            double estimate = HistogramQuantile.quantile(q, buckets);
            stats.put("p" + Math.round(q * 100), Double.isFinite(estimate) ? estimate : null);
        }
        return new Row(any.url(), any.family(), "histogram", labels, stats);
    }

    private static double bound(String le) {
        String v = le.trim();
        return v.equals("+Inf") || v.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(v);
    }

    /** Writes the files of {@code formats} ({@code json}, {@code csv}, {@code jsonl}) and returns the paths written. */
    public static List<Path> write(ServerMetricsStore store, List<String> configured, List<String> successful,
                                   long startEpochNs, long endEpochNs, long countersEndEpochNs, Path jsonFile,
                                   Path csvFile, List<String> formats) throws IOException {
        return write(store, configured, successful, startEpochNs, endEpochNs, countersEndEpochNs, jsonFile, csvFile,
                null, formats);
    }

    /** As above; {@code jsonlFile} is where {@code jsonl} goes. */
    public static List<Path> write(ServerMetricsStore store, List<String> configured, List<String> successful,
                                   long startEpochNs, long endEpochNs, long countersEndEpochNs, Path jsonFile,
                                   Path csvFile, Path jsonlFile, List<String> formats) throws IOException {
        List<Row> rows = rows(store, startEpochNs, endEpochNs, countersEndEpochNs);
        List<Path> written = new ArrayList<>();
        if (formats.contains("json")) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode summary = root.putObject("summary");
            configured.forEach(summary.putArray("endpoints_configured")::add);
            successful.forEach(summary.putArray("endpoints_successful")::add);
            summary.put("start_time_ns", startEpochNs);
            summary.put("end_time_ns", endEpochNs);
            ObjectNode endpoints = root.putObject("endpoints");
            for (Row r : rows) {
                ObjectNode endpoint = endpoints.has(r.url()) ? (ObjectNode) endpoints.get(r.url())
                        : endpoints.putObject(r.url());
                ObjectNode metric = endpoint.has(r.family()) ? (ObjectNode) endpoint.get(r.family())
                        : endpoint.putObject(r.family()).put("type", r.type());
                ArrayNode series = metric.has("series") ? (ArrayNode) metric.get("series") : metric.putArray("series");
                ObjectNode one = series.addObject();
                ObjectNode labels = one.putObject("labels");
                r.labels().forEach(labels::put);
                r.stats().forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        one.put(k, v);
                    }
                });
            }
            Files.writeString(jsonFile, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            written.add(jsonFile);
        }
        if (formats.contains("csv")) {
            StringBuilder csv = new StringBuilder("Endpoint,Metric,Type,Labels,Stat,Value\n");
            for (Row r : rows) {
                String labels = r.labels().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + ";" + b).orElse("");
                r.stats().forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        csv.append(CsvField.of(r.url())).append(',').append(CsvField.of(r.family())).append(',').append(r.type())
                                .append(',').append(CsvField.of(labels)).append(',').append(k).append(',')
                                .append(v).append('\n');
                    }
                });
            }
            Files.writeString(csvFile, csv, StandardCharsets.UTF_8);
            written.add(csvFile);
        }
        if (formats.contains("jsonl") && jsonlFile != null) {
            ServerMetricsJsonl.write(store, jsonlFile);
            written.add(jsonlFile);
        }
        return written;
    }

}
