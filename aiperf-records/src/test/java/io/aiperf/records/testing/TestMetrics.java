package io.aiperf.records.testing;

import io.aiperf.core.tokenizer.TextTokenizer;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.export.TimeSlices;
import io.aiperf.records.metric.MetricRegistry;
import io.aiperf.records.metric.MetricSettings;
import io.aiperf.records.metric.RecordMetrics;

/**
 * Short ways for tests to build the metric stages without a whole run's config. A production run builds one
 * {@link MetricRegistry} from its config and hands it to every stage; these build the registry from the few
 * settings a test cares about.
 */
public final class TestMetrics {

    private TestMetrics() {
    }

    /** Per-request metrics for an endpoint that produces tokens, without goodput. */
    public static RecordMetrics recordMetrics(TextTokenizer tokenizer, boolean streaming, boolean useServerTokenCount) {
        return recordMetrics(tokenizer, streaming, useServerTokenCount, true);
    }

    /** Per-request metrics without goodput. */
    public static RecordMetrics recordMetrics(TextTokenizer tokenizer, boolean streaming, boolean useServerTokenCount,
                                              boolean producesTokens) {
        return new RecordMetrics(tokenizer, MetricRegistry.standard(
                new MetricSettings(streaming, producesTokens, useServerTokenCount, null, true)));
    }

    /** An aggregator of an open-loop run that computes every metric but goodput. */
    public static RecordAggregator aggregator() {
        return aggregator(true);
    }

    /** An aggregator that computes every metric but goodput. */
    public static RecordAggregator aggregator(boolean openLoop) {
        return new RecordAggregator(openLoop, MetricRegistry.standard(MetricSettings.ALL_BUT_GOODPUT));
    }

    /** Time slices whose aggregators compute every metric but goodput. */
    public static TimeSlices timeSlices(double sliceDurationSeconds, boolean openLoop) {
        return new TimeSlices(sliceDurationSeconds, openLoop, MetricRegistry.standard(MetricSettings.ALL_BUT_GOODPUT));
    }
}
