package io.aiperf.records.metric.defs;

import io.aiperf.core.model.ResponseChunk;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

import java.util.List;

/**
 * Per-request timing metrics, all on content responses, in ns of the worker's monotonic clock (reference §5.2–5.3).
 */
public final class LatencyMetrics {

    private LatencyMetrics() {
    }

    /** First content arrival − request start. */
    public static final class TimeToFirstToken extends RecordMetricDefinition {
        public TimeToFirstToken() {
            super(MetricCatalog.TIME_TO_FIRST_TOKEN);
        }

        @Override
        public Object compute(RecordInputs in) {
            return in.content().get(0).arrivalNs() - in.record().requestStartNs();
        }
    }

    /** Second − first content arrival; needs two content responses. */
    public static final class TimeToSecondToken extends RecordMetricDefinition {
        public TimeToSecondToken() {
            super(MetricCatalog.TIME_TO_SECOND_TOKEN);
        }

        @Override
        public Object compute(RecordInputs in) {
            List<ResponseChunk> content = in.content();
            return content.size() < 2 ? null : content.get(1).arrivalNs() - content.get(0).arrivalNs();
        }
    }

    /** First arrival carrying non-reasoning text − request start; absent when the answer was all reasoning. */
    public static final class TimeToFirstOutputToken extends RecordMetricDefinition {
        public TimeToFirstOutputToken() {
            super(MetricCatalog.TIME_TO_FIRST_OUTPUT_TOKEN);
        }

        @Override
        public Object compute(RecordInputs in) {
            for (ResponseChunk chunk : in.content()) {
                if (chunk.hasText()) {
                    return chunk.arrivalNs() - in.record().requestStartNs();
                }
            }
            return null;
        }
    }

    /** Last content arrival − request start (a trailing usage chunk or [DONE] does not count). */
    public static final class RequestLatency extends RecordMetricDefinition {
        public RequestLatency() {
            super(MetricCatalog.REQUEST_LATENCY);
        }

        @Override
        public Object compute(RecordInputs in) {
            List<ResponseChunk> content = in.content();
            return content.get(content.size() - 1).arrivalNs() - in.record().requestStartNs();
        }
    }

    /** (request_latency − TTFT) / (OSL − 1); needs OSL ≥ 2. */
    public static final class InterTokenLatency extends RecordMetricDefinition {
        public InterTokenLatency() {
            super(MetricCatalog.INTER_TOKEN_LATENCY, MetricCatalog.REQUEST_LATENCY.tag(),
                    MetricCatalog.TIME_TO_FIRST_TOKEN.tag(), MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long latency = in.count(MetricCatalog.REQUEST_LATENCY.tag());
            Long ttft = in.count(MetricCatalog.TIME_TO_FIRST_TOKEN.tag());
            Long osl = in.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag());
            if (latency == null || ttft == null || osl == null || osl < 2) {
                return null;
            }
            return (double) (latency - ttft) / (osl - 1);
        }
    }

    /** 1 / ITL in seconds; needs ITL &gt; 0. */
    public static final class OutputTokenThroughputPerUser extends RecordMetricDefinition {
        public OutputTokenThroughputPerUser() {
            super(MetricCatalog.OUTPUT_TOKEN_THROUGHPUT_PER_USER, MetricCatalog.INTER_TOKEN_LATENCY.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Double itlNs = in.number(MetricCatalog.INTER_TOKEN_LATENCY.tag());
            return itlNs == null || itlNs <= 0 ? null : 1e9 / itlNs;
        }
    }

    /** OSL / request_latency in seconds; needs a latency &gt; 0. */
    public static final class E2eOutputTokenThroughput extends RecordMetricDefinition {
        public E2eOutputTokenThroughput() {
            super(MetricCatalog.E2E_OUTPUT_TOKEN_THROUGHPUT, MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag(),
                    MetricCatalog.REQUEST_LATENCY.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long osl = in.count(MetricCatalog.OUTPUT_SEQUENCE_LENGTH.tag());
            Long latency = in.count(MetricCatalog.REQUEST_LATENCY.tag());
            return osl == null || latency == null || latency <= 0 ? null : osl / (latency / 1e9);
        }
    }

    /** Gaps between consecutive content arrivals; needs two content responses. */
    public static final class InterChunkLatency extends RecordMetricDefinition {
        public InterChunkLatency() {
            super(MetricCatalog.INTER_CHUNK_LATENCY);
        }

        @Override
        public Object compute(RecordInputs in) {
            List<ResponseChunk> content = in.content();
            if (content.size() < 2) {
                return null;
            }
            double[] gaps = new double[content.size() - 1];
            for (int i = 1; i < content.size(); i++) {
                gaps[i - 1] = content.get(i).arrivalNs() - content.get(i - 1).arrivalNs();
            }
            return gaps;
        }
    }

    /** ISL / TTFT in seconds; needs a TTFT &gt; 0. */
    public static final class PrefillThroughputPerUser extends RecordMetricDefinition {
        public PrefillThroughputPerUser() {
            super(MetricCatalog.PREFILL_THROUGHPUT_PER_USER, MetricCatalog.INPUT_SEQUENCE_LENGTH.tag(),
                    MetricCatalog.TIME_TO_FIRST_TOKEN.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            Long isl = in.count(MetricCatalog.INPUT_SEQUENCE_LENGTH.tag());
            Long ttft = in.count(MetricCatalog.TIME_TO_FIRST_TOKEN.tag());
            return isl == null || ttft == null || ttft <= 0 ? null : isl / (ttft / 1e9);
        }
    }
}
