package io.aiperf.records.metric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The service-level objectives of {@code --goodput}: per-request metric thresholds, given in the metric's display
 * unit (ms for latencies) and compared in its base unit. A request is good only when it is valid and meets every
 * SLO: {@code value >= threshold} for a LARGER_IS_BETTER metric, {@code value <= threshold} otherwise; a metric the
 * request does not have (say TTST with one chunk) makes it not good.
 *
 * <p>Besides AIPerf's tags, vLLM's names are accepted: {@code ttft} (time_to_first_token), {@code tpot}
 * (inter_token_latency) and {@code e2el} (request_latency). Immutable.
 */
public final class GoodputSlos {

    /** vLLM's benchmark names → our tags. vLLM's {@code itl} is our inter_chunk_latency, a list: not an SLO. */
    public static final Map<String, String> ALIASES = Map.of(
            "ttft", "time_to_first_token",
            "tpot", "inter_token_latency",
            "e2el", "request_latency");

    private final Map<String, Double> displayValues;
    private final MetricSpec[] specs;
    private final double[] baseThresholds;

    private GoodputSlos(Map<String, Double> displayValues) {
        this.displayValues = Collections.unmodifiableMap(new LinkedHashMap<>(displayValues));
        this.specs = new MetricSpec[displayValues.size()];
        this.baseThresholds = new double[displayValues.size()];
        int i = 0;
        for (Map.Entry<String, Double> slo : displayValues.entrySet()) {
            MetricSpec spec = MetricCatalog.get(slo.getKey());
            specs[i] = spec;
            baseThresholds[i] = spec.displayUnit().convert(slo.getValue(), spec.baseUnit());
            i++;
        }
    }

    /**
     * Parses {@code "tag:value tag:value"}.
     *
     * @throws IllegalArgumentException with a one-line message naming the bad part
     */
    public static GoodputSlos parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--goodput: expected space-separated tag:value pairs, "
                    + "e.g. \"request_latency:250 inter_token_latency:10\"");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String pair : text.strip().split("\\s+")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                throw new IllegalArgumentException("--goodput '" + pair + "': expected tag:value");
            }
            String name = pair.substring(0, colon);
            String tag = ALIASES.getOrDefault(name.toLowerCase(Locale.ROOT), name);
            double value;
            try {
                value = Double.parseDouble(pair.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--goodput '" + pair + "': the value is not a number");
            }
            if (values.put(tag, value) != null) {
                throw new IllegalArgumentException("--goodput: " + tag + " is given twice");
            }
        }
        return of(values);
    }

    /**
     * SLOs from canonical tags and display-unit values, as a config carries them.
     *
     * @throws IllegalArgumentException for an unknown metric, one that is not per-request, or a non-finite value
     */
    public static GoodputSlos of(Map<String, Double> displayValues) {
        if (displayValues.isEmpty()) {
            throw new IllegalArgumentException("--goodput: no SLOs given");
        }
        for (Map.Entry<String, Double> slo : displayValues.entrySet()) {
            String tag = slo.getKey();
            MetricSpec spec = MetricCatalog.find(tag).orElseThrow(() -> new IllegalArgumentException(
                    "--goodput: unknown metric '" + tag + "' (use a metric tag such as request_latency, "
                            + "time_to_first_token or inter_token_latency; see docs/metrics.md)"));
            if (spec.kind() != MetricKind.RECORD) {
                throw new IllegalArgumentException("--goodput: " + tag + " is a " + spec.kind().name()
                        .toLowerCase(Locale.ROOT) + " metric (one value per run); an SLO needs a per-request metric");
            }
            if (spec.listValued() || spec.has(MetricFlag.ERROR_ONLY) || spec.has(MetricFlag.INTERNAL)) {
                throw new IllegalArgumentException("--goodput: " + tag
                        + " cannot be an SLO (it has no single value per successful request)");
            }
            if (slo.getValue() == null || !Double.isFinite(slo.getValue())) {
                throw new IllegalArgumentException("--goodput: the value of " + tag + " is not a finite number");
            }
        }
        return new GoodputSlos(displayValues);
    }

    /** The run's SLOs, or null when it has none. */
    public static GoodputSlos fromConfig(io.aiperf.core.config.BenchmarkConfig config) {
        Map<String, Double> goodput = config.metrics().goodput();
        return goodput.isEmpty() ? null : of(goodput);
    }

    /**
     * Rejects SLOs on metrics this run cannot compute, which would make every request "not good".
     *
     * @throws IllegalArgumentException naming the metric and what it needs
     */
    public void requireComputable(boolean streaming, boolean producesTokens) {
        for (MetricSpec spec : specs) {
            if (spec.has(MetricFlag.STREAMING_ONLY) && !streaming) {
                throw new IllegalArgumentException("--goodput: " + spec.tag() + " is only measured with --streaming");
            }
            if (spec.has(MetricFlag.PRODUCES_TOKENS_ONLY) && !producesTokens) {
                throw new IllegalArgumentException("--goodput: " + spec.tag()
                        + " is not measured for this endpoint type (it produces no tokens)");
            }
        }
    }

    /** Canonical tag → threshold in the display unit, in the order given. */
    public Map<String, Double> displayValues() {
        return displayValues;
    }

    /** The tags the SLOs read. */
    public List<String> tags() {
        return List.copyOf(displayValues.keySet());
    }

    /** Whether this request meets every SLO; a failed request never does. */
    public boolean isGood(MetricRecord record) {
        if (!record.valid()) {
            return false;
        }
        for (int i = 0; i < specs.length; i++) {
            Double value = record.number(specs[i]);
            if (value == null) {
                return false;
            }
            boolean met = specs[i].has(MetricFlag.LARGER_IS_BETTER) ? value >= baseThresholds[i]
                    : value <= baseThresholds[i];
            if (!met) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return displayValues.toString();
    }
}
