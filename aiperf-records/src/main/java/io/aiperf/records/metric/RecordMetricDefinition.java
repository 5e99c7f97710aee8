package io.aiperf.records.metric;

import java.util.List;

/**
 * A per-request metric: computed from the request and the values of the metrics it {@link #requires() requires},
 * which the {@link RecordMetrics} engine computed before it. Stateless, so one instance serves every thread.
 */
public abstract class RecordMetricDefinition extends MetricDefinition {

    protected RecordMetricDefinition(MetricSpec spec, String... requires) {
        super(spec, List.of(requires));
    }

    /**
     * @return the value in the base unit ({@link Long} for whole numbers, {@link Double} otherwise, {@code double[]}
     *         for a list metric), or null when the metric does not apply to this request (AIPerf's NoMetricValue)
     */
    public abstract Object compute(RecordInputs in);
}
