package io.aiperf.telemetry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.telemetry.prometheus.MetricType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code server_metrics_export.jsonl} ({@code --server-metrics-formats jsonl}, as AIPerf's optional raw export): the
 * time series itself, one line per series per scrape in scrape order, with the value and, for a counter-like series
 * (a counter, a histogram's buckets, sum and count, a summary's sum and count), the change since the previous scrape,
 * a drop counted as a reset from 0. Written at the end from the store, which keeps every scrape.
 */
final class ServerMetricsJsonl {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Point(long epochNs, int order, ServerMetricsStore.Series series, int index) {
    }

    private ServerMetricsJsonl() {
    }

    static void write(ServerMetricsStore store, Path file) throws IOException {
        List<Point> points = new ArrayList<>();
        int order = 0;
        for (ServerMetricsStore.Series s : store.all()) {
            for (int i = 0; i < s.points().size(); i++) {
                points.add(new Point(s.points().epochNs(i), order, s, i));
            }
            order++;
        }
        // Scrape by scrape; within one, the series in the order the server first exposed them.
        points.sort(Comparator.comparingLong(Point::epochNs).thenComparingInt(Point::order));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Point p : points) {
                ServerMetricsStore.Series s = p.series();
                ObjectNode line = JSON.createObjectNode();
                line.put("endpoint_url", s.url());
                line.put("timestamp_ns", p.epochNs());
                line.put("metric", s.sample());
                line.put("type", s.type().name().toLowerCase(Locale.ROOT));
                ObjectNode labels = line.putObject("labels");
                s.labels().forEach(labels::put);
                double value = s.points().value(p.index());
                line.put("value", value);
                if (p.index() > 0 && counterLike(s)) {
                    double previous = s.points().value(p.index() - 1);
                    line.put("delta", value >= previous ? value - previous : value);
                }
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        }
    }

    private static boolean counterLike(ServerMetricsStore.Series s) {
        return s.type() == MetricType.COUNTER || s.type() == MetricType.HISTOGRAM
                || s.sample().endsWith("_count") || s.sample().endsWith("_sum") || s.sample().endsWith("_total");
    }
}
