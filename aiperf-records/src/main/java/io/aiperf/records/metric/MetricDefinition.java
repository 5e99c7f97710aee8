package io.aiperf.records.metric;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * One metric: what it is ({@link MetricSpec}: tag, header, units, display order, flags) and the tags of the metrics
 * its formula reads. The {@link MetricRegistry} orders definitions so every metric comes after what it reads.
 * Subclasses say how the value comes about: {@link RecordMetricDefinition}, {@link AggregateMetricDefinition},
 * {@link DerivedMetricDefinition}.
 */
public abstract class MetricDefinition {

    private final MetricSpec spec;
    private final List<String> requires;

    protected MetricDefinition(MetricSpec spec, List<String> requires) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.requires = List.copyOf(new LinkedHashSet<>(requires));
    }

    public final MetricSpec spec() {
        return spec;
    }

    public final String tag() {
        return spec.tag();
    }

    /** The tags this metric reads; each must be computed before it. */
    public final List<String> requires() {
        return requires;
    }

    @Override
    public String toString() {
        return spec.tag();
    }
}
