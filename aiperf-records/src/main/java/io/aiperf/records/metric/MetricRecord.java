package io.aiperf.records.metric;

import io.aiperf.core.message.RequestRecord;
import io.aiperf.core.model.ErrorDetails;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request's metrics. Values are in the metric's base unit (ns, tokens, tokens/sec): {@link Long} for whole
 * numbers, {@link Double} otherwise, {@code double[]} for list metrics; keys follow {@link MetricCatalog} order.
 * A metric that does not apply to this request (for example TTFT without streaming) is simply absent.
 *
 * @param record the request as the worker reported it
 * @param error  why this request counts as failed (the worker's error, or one found while computing metrics such
 *               as "no content responses"), or null for a valid request
 * @param values tag → base-unit value; list values must not be modified
 */
public record MetricRecord(RequestRecord record, ErrorDetails error, Map<String, Object> values) {

    public MetricRecord {
        Objects.requireNonNull(record, "record");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean valid() {
        return error == null;
    }

    public boolean has(MetricSpec spec) {
        return values.containsKey(spec.tag());
    }

    /** A scalar value as a double, or null when absent. */
    public Double number(MetricSpec spec) {
        Object value = values.get(spec.tag());
        return value instanceof Number n ? n.doubleValue() : null;
    }

    /** A whole-number value, or null when absent. */
    public Long count(MetricSpec spec) {
        Object value = values.get(spec.tag());
        return value instanceof Number n ? n.longValue() : null;
    }

    /** A list value, or null when absent. */
    public double[] list(MetricSpec spec) {
        Object value = values.get(spec.tag());
        return value instanceof double[] list ? list : null;
    }
}
