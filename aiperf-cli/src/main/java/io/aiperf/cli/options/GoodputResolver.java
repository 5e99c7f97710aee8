package io.aiperf.cli.options;

import io.aiperf.core.config.EndpointType;
import io.aiperf.core.config.MetricsConfig;
import io.aiperf.core.error.UsageException;
import io.aiperf.records.metric.GoodputSlos;

/** {@code --goodput} → {@link MetricsConfig}: tags checked against the metric catalogue at start-up. */
final class GoodputResolver {

    private GoodputResolver() {
    }

    /**
     * @param goodput   the option's text, or null when not given
     * @param streaming whether the run streams (after streaming was turned off for endpoints that cannot)
     * @throws UsageException for an unknown or run-level metric, a bad value, or a metric this run cannot measure
     */
    static MetricsConfig resolve(String goodput, EndpointType type, boolean streaming) {
        if (goodput == null) {
            return MetricsConfig.NONE;
        }
        try {
            GoodputSlos slos = GoodputSlos.parse(goodput);
            slos.requireComputable(streaming, type.producesTokens());
            return new MetricsConfig(slos.displayValues());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
