package io.aiperf.records.metric.defs;

import io.aiperf.records.metric.AggregateMetricDefinition;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

/**
 * Whether the server honoured the requested output length ({@code --osl} → {@code max_tokens}): servers that stop
 * at EOS make every OSL-based number (ITL, throughput) describe shorter answers than the user asked for.
 */
public final class OslMismatchMetrics {

    /** A mismatch is more than this share of the requested length… */
    public static final double MISMATCH_PCT = 5.0;
    /** …or more than this many tokens, whichever is smaller. */
    public static final long MISMATCH_MAX_TOKENS = 50;

    private OslMismatchMetrics() {
    }

    /** The token difference above which a request counts as a mismatch: min(requested · 5 %, 50). */
    public static double thresholdTokens(long requested) {
        return thresholdTokens(requested, MISMATCH_PCT, MISMATCH_MAX_TOKENS);
    }

    /** The same with other thresholds: min(requested · pct %, maxTokens). */
    public static double thresholdTokens(long requested, double pct, long maxTokens) {
        return Math.min(requested * pct / 100.0, maxTokens);
    }

    /** The turn's {@code max_tokens}, when one was sent. */
    public static final class RequestedOsl extends RecordMetricDefinition {
        public RequestedOsl() {
            super(MetricCatalog.REQUESTED_OSL);
        }

        @Override
        public Object compute(RecordInputs in) {
            return in.requestedOsl();
        }
    }

    /** (OSL − requested) / requested · 100, signed; absent when nothing (or 0) was requested. */
    public static final class OslMismatchDiffPct extends RecordMetricDefinition {
        public OslMismatchDiffPct() {
            super(MetricCatalog.OSL_MISMATCH_DIFF_PCT, MetricCatalog.REQUESTED_OSL.tag(),
                    MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long requested = in.count(MetricCatalog.REQUESTED_OSL.tag());
            Long osl = in.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag());
            if (requested == null || osl == null || requested == 0) {
                return null;
            }
            return (osl - requested) * 100.0 / requested;
        }
    }

    /** Requests with |OSL − requested| &gt; {@link #thresholdTokens}. */
    public static final class OslMismatchCount extends AggregateMetricDefinition {
        private final double pct;
        private final long maxTokens;

        /** AIPerf's 5 % and 50 tokens. */
        public OslMismatchCount() {
            this(MISMATCH_PCT, MISMATCH_MAX_TOKENS);
        }

        public OslMismatchCount(double pct, long maxTokens) {
            super(MetricCatalog.OSL_MISMATCH_COUNT, MetricCatalog.REQUESTED_OSL.tag(),
                    MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag(), MetricCatalog.OSL_MISMATCH_DIFF_PCT.tag());
            this.pct = pct;
            this.maxTokens = maxTokens;
        }

        public double pct() {
            return pct;
        }

        public long maxTokens() {
            return maxTokens;
        }

        @Override
        public Long contribution(MetricRecord record) {
            if (!record.valid() || !record.has(MetricCatalog.OSL_MISMATCH_DIFF_PCT)) {
                return null;
            }
            long requested = record.count(MetricCatalog.REQUESTED_OSL);
            long osl = record.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH);
            return Math.abs(osl - requested) > thresholdTokens(requested, pct, maxTokens) ? 1L : 0L;
        }
    }
}
