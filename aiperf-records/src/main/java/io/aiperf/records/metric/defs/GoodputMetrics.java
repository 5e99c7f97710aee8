package io.aiperf.records.metric.defs;

import io.aiperf.records.metric.AggregateMetricDefinition;
import io.aiperf.records.metric.DerivedMetricDefinition;
import io.aiperf.records.metric.GoodputSlos;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;

import java.util.Map;

/** {@code --goodput}: how many requests met every SLO, and at what rate. Present only when SLOs are given. */
public final class GoodputMetrics {

    private GoodputMetrics() {
    }

    /** Valid requests meeting every SLO (see {@link GoodputSlos#isGood}). */
    public static final class GoodRequestCount extends AggregateMetricDefinition {
        private final GoodputSlos slos;

        public GoodRequestCount(GoodputSlos slos) {
            super(MetricCatalog.GOOD_REQUEST_COUNT, slos.tags().toArray(new String[0]));
            this.slos = slos;
        }

        @Override
        public Long contribution(MetricRecord record) {
            return record.valid() ? (slos.isGood(record) ? 1L : 0L) : null;
        }
    }

    /** good_request_count / benchmark_duration in seconds. */
    public static final class Goodput extends DerivedMetricDefinition {
        public Goodput() {
            super(MetricCatalog.GOODPUT, MetricCatalog.GOOD_REQUEST_COUNT.tag(), MetricCatalog.BENCHMARK_DURATION.tag());
        }

        @Override
        public Number derive(Map<String, Number> base) {
            long durationNs = base.get(MetricCatalog.BENCHMARK_DURATION.tag()).longValue();
            return durationNs <= 0 ? null
                    : base.get(MetricCatalog.GOOD_REQUEST_COUNT.tag()).longValue() / (durationNs / 1e9);
        }
    }

    /**
     * good_request_count / (request_count + error_request_count): failed requests count against it, so a server
     * that sheds load cannot look good because the requests it did answer were fast. 0 when nothing was good.
     */
    public static final class GoodRequestFraction extends DerivedMetricDefinition {
        public GoodRequestFraction() {
            super(MetricCatalog.GOOD_REQUEST_FRACTION, MetricCatalog.REQUEST_COUNT.tag(),
                    MetricCatalog.ERROR_REQUEST_COUNT.tag(), MetricCatalog.GOOD_REQUEST_COUNT.tag());
        }

        /** Error and good counts are absent, not 0, on a clean or an all-failed run: read them as 0. */
        @Override
        public boolean derivableFrom(Map<String, Number> base) {
            return true;
        }

        @Override
        public Number derive(Map<String, Number> base) {
            long good = valueOr0(base, MetricCatalog.GOOD_REQUEST_COUNT.tag());
            long attempted = valueOr0(base, MetricCatalog.REQUEST_COUNT.tag())
                    + valueOr0(base, MetricCatalog.ERROR_REQUEST_COUNT.tag());
            return attempted == 0 ? null : (double) good / attempted;
        }

        private static long valueOr0(Map<String, Number> base, String tag) {
            Number n = base.get(tag);
            return n == null ? 0 : n.longValue();
        }
    }
}
