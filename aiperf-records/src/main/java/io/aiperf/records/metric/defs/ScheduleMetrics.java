package io.aiperf.records.metric.defs;

import io.aiperf.core.message.RequestRecord;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

/**
 * Ours, beyond AIPerf: coordinated-omission metrics for requests that had a scheduled send time
 * ({@code scheduledNs} ≥ 0, same host clock as the other stamps); and AIPerf's internal credit drop latency.
 */
public final class ScheduleMetrics {

    private ScheduleMetrics() {
    }

    /**
     * Actual send − scheduled send, the actual send being {@code requestWriteNs} (or {@code requestStartNs} when the
     * bytes were never stamped). Not clamped: a negative lag means the request left early, a bug worth seeing.
     */
    public static final class SendLag extends RecordMetricDefinition {
        public SendLag() {
            super(MetricCatalog.SEND_LAG);
        }

        @Override
        public Object compute(RecordInputs in) {
            RequestRecord r = in.record();
            if (r.scheduledNs() < 0) {
                return null;
            }
            long sentNs = r.requestWriteNs() >= 0 ? r.requestWriteNs() : r.requestStartNs();
            return sentNs - r.scheduledNs();
        }
    }

    /** First content arrival − scheduled send. */
    public static final class ScheduledTimeToFirstToken extends RecordMetricDefinition {
        public ScheduledTimeToFirstToken() {
            super(MetricCatalog.SCHEDULED_TIME_TO_FIRST_TOKEN);
        }

        @Override
        public Object compute(RecordInputs in) {
            long scheduledNs = in.record().scheduledNs();
            return scheduledNs < 0 ? null : in.content().get(0).arrivalNs() - scheduledNs;
        }
    }

    /** Last content arrival − scheduled send. */
    public static final class ScheduledRequestLatency extends RecordMetricDefinition {
        public ScheduledRequestLatency() {
            super(MetricCatalog.SCHEDULED_REQUEST_LATENCY);
        }

        @Override
        public Object compute(RecordInputs in) {
            long scheduledNs = in.record().scheduledNs();
            return scheduledNs < 0 ? null : in.content().get(in.content().size() - 1).arrivalNs() - scheduledNs;
        }
    }

    /**
     * Request start − credit receipt on the worker (AIPerf's formula). INTERNAL: computed only when another metric
     * reads it. Absent when the stamps are out of order, which only a broken clock reading can cause.
     */
    public static final class CreditDropLatency extends RecordMetricDefinition {
        public CreditDropLatency() {
            super(MetricCatalog.CREDIT_DROP_LATENCY);
        }

        @Override
        public Object compute(RecordInputs in) {
            long latency = in.record().requestStartNs() - in.record().creditReceivedNs();
            return latency < 0 ? null : latency;
        }
    }
}
