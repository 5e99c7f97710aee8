package io.aiperf.telemetry.prometheus;

import java.util.List;
import java.util.Objects;

/**
 * A metric family: what its {@code # TYPE}, {@code # HELP} and (OpenMetrics) {@code # UNIT} lines said, and its
 * samples in exposition order. A histogram's samples are its {@code _bucket}, {@code _sum}, {@code _count} and
 * {@code _created} lines, a summary's its quantile lines, {@code _sum}, {@code _count} and {@code _created}, a
 * counter's the name itself or {@code name_total}, and {@code _created}.
 *
 * @param name in OpenMetrics a counter's family name has no {@code _total} (family {@code x}, sample {@code
 *             x_total}); in 0.0.4 it is the name the {@code # TYPE} line wrote
 * @param help the unescaped {@code # HELP} text, or null when there was none
 * @param unit the {@code # UNIT}, or null when there was none
 */
public record MetricFamily(String name, MetricType type, String help, String unit, List<Sample> samples) {

    public MetricFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        samples = List.copyOf(samples);
    }
}
