package io.aiperf.records.metric.defs;

import io.aiperf.records.metric.AggregateMetricDefinition;
import io.aiperf.records.metric.DerivedMetricDefinition;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricSpec;

import java.util.Map;

/**
 * Run-level counts, extremes, sums and throughputs. Only valid requests count towards the counts (but
 * {@code error_request_count}), the duration and the throughputs (reference §5.3).
 */
public final class RunMetrics {

    private RunMetrics() {
    }

    /** Valid profiling requests; 0 rather than absent when there were none. */
    public static final class RequestCount extends AggregateMetricDefinition {
        public RequestCount() {
            super(MetricCatalog.REQUEST_COUNT);
        }

        @Override
        public Long contribution(MetricRecord record) {
            return record.valid() ? 1L : null;
        }

        @Override
        public Long emptyValue() {
            return 0L;
        }
    }

    /** Failed profiling requests; absent when none failed. */
    public static final class ErrorRequestCount extends AggregateMetricDefinition {
        public ErrorRequestCount() {
            super(MetricCatalog.ERROR_REQUEST_COUNT);
        }

        @Override
        public Long contribution(MetricRecord record) {
            return record.valid() ? null : 1L;
        }
    }

    /** Wall-clock start of the earliest valid request. */
    public static final class MinRequestTimestamp extends AggregateMetricDefinition {
        public MinRequestTimestamp() {
            super(MetricCatalog.MIN_REQUEST_TIMESTAMP);
        }

        @Override
        public Long contribution(MetricRecord record) {
            return record.valid() ? record.record().startEpochNs() : null;
        }

        @Override
        public Fold fold() {
            return Fold.MIN;
        }
    }

    /** Latest valid (start epoch + request_latency). */
    public static final class MaxResponseTimestamp extends AggregateMetricDefinition {
        public MaxResponseTimestamp() {
            super(MetricCatalog.MAX_RESPONSE_TIMESTAMP, MetricCatalog.REQUEST_LATENCY.tag());
        }

        @Override
        public Long contribution(MetricRecord record) {
            if (!record.valid()) {
                return null;
            }
            Long latency = record.count(MetricCatalog.REQUEST_LATENCY);
            return record.record().startEpochNs() + (latency == null ? 0 : latency);
        }

        @Override
        public Fold fold() {
            return Fold.MAX;
        }
    }

    /** Exact whole-number sum of a record metric over valid requests (or, for an error metric, failed ones). */
    public static class SumOf extends AggregateMetricDefinition {
        private final MetricSpec source;
        private final boolean failedOnly;

        SumOf(MetricSpec spec, MetricSpec source, boolean failedOnly) {
            super(spec, source.tag());
            this.source = source;
            this.failedOnly = failedOnly;
        }

        @Override
        public Long contribution(MetricRecord record) {
            return record.valid() == failedOnly ? null : record.count(source);
        }
    }

    public static final class TotalIsl extends SumOf {
        public TotalIsl() {
            super(MetricCatalog.TOTAL_ISL, MetricCatalog.INPUT_SEQUENCE_LENGTH, false);
        }
    }

    public static final class TotalOsl extends SumOf {
        public TotalOsl() {
            super(MetricCatalog.TOTAL_OSL, MetricCatalog.OUTPUT_SEQUENCE_LENGTH, false);
        }
    }

    public static final class TotalOutputTokens extends SumOf {
        public TotalOutputTokens() {
            super(MetricCatalog.TOTAL_OUTPUT_TOKENS, MetricCatalog.OUTPUT_TOKEN_COUNT, false);
        }
    }

    public static final class TotalReasoningTokens extends SumOf {
        public TotalReasoningTokens() {
            super(MetricCatalog.TOTAL_REASONING_TOKENS, MetricCatalog.REASONING_TOKEN_COUNT, false);
        }
    }

    public static final class TotalErrorIsl extends SumOf {
        public TotalErrorIsl() {
            super(MetricCatalog.TOTAL_ERROR_ISL, MetricCatalog.ERROR_ISL, true);
        }
    }

    public static final class TotalUsagePromptTokens extends SumOf {
        public TotalUsagePromptTokens() {
            super(MetricCatalog.TOTAL_USAGE_PROMPT_TOKENS, MetricCatalog.USAGE_PROMPT_TOKENS, false);
        }
    }

    public static final class TotalUsageCompletionTokens extends SumOf {
        public TotalUsageCompletionTokens() {
            super(MetricCatalog.TOTAL_USAGE_COMPLETION_TOKENS, MetricCatalog.USAGE_COMPLETION_TOKENS, false);
        }
    }

    public static final class TotalUsageTotalTokens extends SumOf {
        public TotalUsageTotalTokens() {
            super(MetricCatalog.TOTAL_USAGE_TOTAL_TOKENS, MetricCatalog.USAGE_TOTAL_TOKENS, false);
        }
    }

    /** max_response_timestamp − min_request_timestamp. */
    public static final class BenchmarkDuration extends DerivedMetricDefinition {
        public BenchmarkDuration() {
            super(MetricCatalog.BENCHMARK_DURATION, MetricCatalog.MIN_REQUEST_TIMESTAMP.tag(),
                    MetricCatalog.MAX_RESPONSE_TIMESTAMP.tag());
        }

        @Override
        public Number derive(Map<String, Number> base) {
            return base.get(MetricCatalog.MAX_RESPONSE_TIMESTAMP.tag()).longValue()
                    - base.get(MetricCatalog.MIN_REQUEST_TIMESTAMP.tag()).longValue();
        }
    }

    /** A count per second of benchmark duration; absent for a zero duration. */
    public static class PerSecond extends DerivedMetricDefinition {
        private final MetricSpec[] summed;

        PerSecond(MetricSpec spec, MetricSpec... summed) {
            super(spec, tags(summed));
            this.summed = summed.clone();
        }

        @Override
        public Number derive(Map<String, Number> base) {
            long durationNs = base.get(MetricCatalog.BENCHMARK_DURATION.tag()).longValue();
            if (durationNs <= 0) {
                return null;
            }
            long total = 0;
            for (MetricSpec spec : summed) {
                total += base.get(spec.tag()).longValue();
            }
            return total / (durationNs / 1e9);
        }

        private static String[] tags(MetricSpec[] summed) {
            String[] tags = new String[summed.length + 1];
            for (int i = 0; i < summed.length; i++) {
                tags[i] = summed[i].tag();
            }
            tags[summed.length] = MetricCatalog.BENCHMARK_DURATION.tag();
            return tags;
        }
    }

    /** request_count / duration. */
    public static final class RequestThroughput extends PerSecond {
        public RequestThroughput() {
            super(MetricCatalog.REQUEST_THROUGHPUT, MetricCatalog.REQUEST_COUNT);
        }
    }

    /** total_osl / duration. */
    public static final class OutputTokenThroughput extends PerSecond {
        public OutputTokenThroughput() {
            super(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT, MetricCatalog.TOTAL_OSL);
        }
    }

    /** (total_isl + total_osl) / duration. */
    public static final class TotalTokenThroughput extends PerSecond {
        public TotalTokenThroughput() {
            super(MetricCatalog.TOTAL_TOKEN_THROUGHPUT, MetricCatalog.TOTAL_ISL, MetricCatalog.TOTAL_OSL);
        }
    }
}
