package io.aiperf.records.metric;

import java.util.List;
import java.util.Map;

/** A run-level formula over other run-level results, computed when the run is summarised. */
public abstract class DerivedMetricDefinition extends MetricDefinition {

    protected DerivedMetricDefinition(MetricSpec spec, String... requires) {
        super(spec, List.of(requires));
    }

    /**
     * @param base every run-level value computed so far, in base units ({@link Long} for folded values, so epoch
     *             stamps stay exact); each required tag is present
     * @return the value in the base unit, or null when it cannot be computed (for example a zero duration)
     */
    public abstract Number derive(Map<String, Number> base);

    /**
     * Whether {@link #derive} can run on these values: by default when every required tag has a value. A metric
     * whose inputs may legitimately be absent (read as 0) says so by overriding this.
     */
    public boolean derivableFrom(Map<String, Number> base) {
        return base.keySet().containsAll(requires());
    }
}
