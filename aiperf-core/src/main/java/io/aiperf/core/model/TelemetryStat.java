package io.aiperf.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One telemetry metric over the profiling window, in its display unit: a gauge's statistics ({@code avg}, {@code p1}
 * … {@code p99}, {@code min}, {@code max}, {@code std}, AIPerf's JSON order), or a counter's change over the window
 * as {@code avg} alone (AIPerf reports counters such as energy and XID errors as that delta).
 *
 * @param tag    AIPerf's field name ({@code gpu_power_usage}) or, for a server metric, its Prometheus name
 * @param header the console header ({@code GPU Power Usage})
 */
public record TelemetryStat(String tag, String header, String unit, boolean counter, Map<String, Double> stats) {

    public TelemetryStat {
        stats = stats == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stats));
    }

    /**
     * The header with its unit, as tables and the CSV show it ({@code GPU Power Usage (W)}); a field without a unit
     * (a custom one whose help text names none) shows its header alone.
     */
    public String label() {
        return unit == null || unit.isEmpty() ? header : header + " (" + unit + ")";
    }

    /** A statistic by name ({@code avg}, {@code p99}, …), or null. */
    public Double stat(String name) {
        return stats.get(name);
    }
}
