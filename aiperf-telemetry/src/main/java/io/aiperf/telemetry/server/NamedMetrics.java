package io.aiperf.telemetry.server;

import io.aiperf.core.model.NamedMetricChange;
import io.aiperf.telemetry.prometheus.MetricType;
import io.aiperf.telemetry.scrape.WindowStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --prometheus-metrics NAME…} (ours, what the dual-round cache benchmark does by hand): each named metric's
 * value before the profiling window and after it, summed over its series (label sets) and endpoints, and the change:
 * a counter's increase (resets counted from zero), a gauge's difference. For a histogram or summary name, its
 * {@code _count} and {@code _sum} are what is summed.
 */
public final class NamedMetrics {

    private NamedMetrics() {
    }

    public static List<NamedMetricChange> changes(ServerMetricsStore store, List<String> names, long startEpochNs,
                                                  long endEpochNs) {
        List<NamedMetricChange> out = new ArrayList<>(names.size());
        for (String name : names) {
            List<ServerMetricsStore.Series> series = store.named(name);
            if (series.isEmpty()) {
                out.add(new NamedMetricChange(name, "absent", null, null, null));
                continue;
            }
            Double before = null;
            Double after = null;
            Double change = null;
            MetricType type = series.get(0).type();
            for (ServerMetricsStore.Series s : series) {
                if (s.type() == MetricType.HISTOGRAM && !s.sample().endsWith("_count")) {
                    continue; // a histogram's bucket and sum series are not its value
                }
                before = add(before, WindowStats.valueAt(s.points(), startEpochNs - 1));
                after = add(after, WindowStats.valueAt(s.points(), endEpochNs));
                change = add(change, type == MetricType.GAUGE ? null : WindowStats.increase(s.points(), startEpochNs,
                        endEpochNs, store.bornInWindow(s, startEpochNs)));
            }
            if (type == MetricType.GAUGE && before != null && after != null) {
                change = after - before;
            }
            out.add(new NamedMetricChange(name, type.name().toLowerCase(Locale.ROOT), before, after, change));
        }
        return out;
    }

    private static Double add(Double sum, Double value) {
        if (value == null) {
            return sum;
        }
        return sum == null ? value : sum + value;
    }
}
