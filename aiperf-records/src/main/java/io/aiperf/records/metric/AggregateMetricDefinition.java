package io.aiperf.records.metric;

import java.util.List;

/**
 * A run-level value folded request by request (a count, a sum, an extreme). The aggregator asks every profiling
 * request for its {@link #contribution} and folds the non-null ones; a metric no request contributed to has no
 * value unless it has an {@link #emptyValue()}.
 *
 * <p>AIPerf's derived sums ({@code total_isl} and the like) are folded this way too, exactly in whole numbers,
 * though their spec says {@link MetricKind#DERIVED} as AIPerf's does.
 */
public abstract class AggregateMetricDefinition extends MetricDefinition {

    /** How contributions combine. */
    public enum Fold { SUM, MIN, MAX }

    protected AggregateMetricDefinition(MetricSpec spec, String... requires) {
        super(spec, List.of(requires));
    }

    /** This request's contribution in the base unit, or null when it has none. */
    public abstract Long contribution(MetricRecord record);

    public Fold fold() {
        return Fold.SUM;
    }

    /** The value when no request contributed, or null for "no value". */
    public Long emptyValue() {
        return null;
    }
}
