package io.aiperf.telemetry.server;

import io.aiperf.telemetry.prometheus.Exposition;
import io.aiperf.telemetry.prometheus.MetricFamily;
import io.aiperf.telemetry.prometheus.MetricType;
import io.aiperf.telemetry.prometheus.Sample;
import io.aiperf.telemetry.scrape.TimeSeries;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own metrics as scraped, per endpoint and series (sample name and label set), each with its family's
 * type: the source of {@code server_metrics_export.*} and of the {@code --prometheus-metrics} changes. Non-finite
 * values are passed over. Scrape thread only.
 */
public final class ServerMetricsStore {

    /** One series of one endpoint. */
    public record Series(String url, String family, MetricType type, String sample, Map<String, String> labels,
                         TimeSeries points) {
    }

    private final Map<String, Series> series = new LinkedHashMap<>();
    /** Per endpoint, when it first answered: a series first seen later was created by the server meanwhile. */
    private final Map<String, Long> firstScrapeEpochNs = new LinkedHashMap<>();

    public void accept(String url, long epochNs, Exposition exposition) {
        firstScrapeEpochNs.putIfAbsent(url, epochNs);
        for (MetricFamily family : exposition.families()) {
            for (Sample s : family.samples()) {
                if (!Double.isFinite(s.value())) {
                    continue;
                }
                String key = url + " " + s.name() + s.labels();
                series.computeIfAbsent(key, k -> new Series(url, family.name(), family.type(), s.name(), s.labels(),
                        new TimeSeries())).points().add(epochNs, s.value());
            }
        }
    }

    /**
     * Whether {@code s} appeared after its endpoint's first answer and after {@code startEpochNs}: the server created
     * it during the window (a new label set), so it counted from 0.
     */
    public boolean bornInWindow(Series s, long startEpochNs) {
        long firstPoint = s.points().epochNs(0);
        Long endpointFirst = firstScrapeEpochNs.get(s.url());
        return endpointFirst != null && firstPoint > endpointFirst && firstPoint >= startEpochNs;
    }

    public Collection<Series> all() {
        return series.values();
    }

    /** The series of family or sample {@code name} on every endpoint. */
    public List<Series> named(String name) {
        List<Series> found = new ArrayList<>();
        for (Series s : series.values()) {
            if (s.family().equals(name) || s.sample().equals(name)) {
                found.add(s);
            }
        }
        return found;
    }
}
