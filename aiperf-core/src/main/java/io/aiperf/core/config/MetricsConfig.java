package io.aiperf.core.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How results are judged.
 *
 * @param goodput {@code --goodput}: metric tag (canonical, aliases already resolved) → SLO threshold in the metric's
 *                display unit, in the order given; empty when no SLOs were given
 */
public record MetricsConfig(Map<String, Double> goodput) {

    public static final MetricsConfig NONE = new MetricsConfig(Map.of());

    public MetricsConfig {
        goodput = goodput == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(goodput));
    }
}
