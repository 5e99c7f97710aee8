package io.aiperf.records.metric.defs;

import io.aiperf.core.message.HttpTrace;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

import java.util.List;

/**
 * AIPerf's HTTP trace metrics (k6's {@code http_req_*} names, definitions of AIPerf's HTTP trace guide), from the
 * worker's {@link HttpTrace}; a record without one (tracing off) has none of them. Stamps, all the worker's
 * {@code System.nanoTime()}:
 * <pre>
 * request start                                                                              last byte
 * │◄─ blocked ─►│◄─ connecting ─►│◄ blocked ►│◄─ sending ─►│◄─ waiting ─►│◄──── receiving ────►│
 *         connect issued      connected   send start    request sent  first body byte
 * </pre>
 * (connecting only on a new connection; on a reused one blocked runs from the start to the send start), so
 * blocked + dns_lookup + connecting + sending + waiting + receiving is exactly last byte − start. A phase that
 * did not happen is 0 where AIPerf reports 0 (connecting on a reused connection, dns_lookup always: addresses are
 * resolved once at start-up, outside every request) and absent where AIPerf has no value (no response body).
 */
public final class HttpTraceMetrics {

    private HttpTraceMetrics() {
    }

    /** The 14 metrics, in the order they are registered and exported. */
    public static List<RecordMetricDefinition> all() {
        return List.of(
                // Send start − request start − connecting: the client's own time before the bytes could leave (pool
                // hand-over, a new connection's set-up around its connect, building the request).
                new FromTrace(MetricCatalog.HTTP_REQ_BLOCKED, (r, t) -> phase(t.blockedNs(r.requestStartNs()))),
                // 0: no request ever waits for a lookup (AIPerf's value for a cached or skipped lookup).
                new FromTrace(MetricCatalog.HTTP_REQ_DNS_LOOKUP, (r, t) -> 0L),
                // Connected (TLS: handshake done) − connect issued on a new connection; 0 on a reused one.
                new FromTrace(MetricCatalog.HTTP_REQ_CONNECTING, (r, t) -> phase(t.connectingNs())),
                // Request fully written − send start.
                new FromTrace(MetricCatalog.HTTP_REQ_SENDING, (r, t) -> phase(t.sendingNs())),
                // First response body byte − request fully sent (AIPerf's TTFB: the body, not the headers).
                new FromTrace(MetricCatalog.HTTP_REQ_WAITING, (r, t) -> phase(t.waitingNs())),
                // Last byte − first body byte; 0 when the body came in one read.
                new FromTrace(MetricCatalog.HTTP_REQ_RECEIVING, (r, t) -> phase(t.receivingNs())),
                // 1 when the connection had carried an earlier request, else 0.
                new FromTrace(MetricCatalog.HTTP_REQ_CONNECTION_REUSED, (r, t) -> t.connectionReused() ? 1L : 0L),
                // Bytes and socket writes/reads of the request and the response, headers included.
                new FromTrace(MetricCatalog.HTTP_REQ_DATA_SENT, (r, t) -> t.bytesSent()),
                new FromTrace(MetricCatalog.HTTP_REQ_CHUNKS_SENT, (r, t) -> t.chunksSent()),
                new FromTrace(MetricCatalog.HTTP_REQ_DATA_RECEIVED, (r, t) -> t.bytesReceived()),
                new FromTrace(MetricCatalog.HTTP_REQ_CHUNKS_RECEIVED, (r, t) -> t.chunksReceived()),
                // blocked + dns_lookup + connecting, a missing part counting 0 (AIPerf's sum).
                new SumOfPhases(MetricCatalog.HTTP_REQ_CONNECTION_OVERHEAD, MetricCatalog.HTTP_REQ_BLOCKED,
                        MetricCatalog.HTTP_REQ_DNS_LOOKUP, MetricCatalog.HTTP_REQ_CONNECTING),
                // Last byte − send start (= sending + waiting + receiving).
                new FromTrace(MetricCatalog.HTTP_REQ_DURATION, (r, t) -> phase(t.durationNs())),
                // The six phases summed, a missing one counting 0 (AIPerf's sum).
                new SumOfPhases(MetricCatalog.HTTP_REQ_TOTAL, MetricCatalog.HTTP_REQ_BLOCKED,
                        MetricCatalog.HTTP_REQ_DNS_LOOKUP, MetricCatalog.HTTP_REQ_CONNECTING,
                        MetricCatalog.HTTP_REQ_SENDING, MetricCatalog.HTTP_REQ_WAITING,
                        MetricCatalog.HTTP_REQ_RECEIVING));
    }

    /** What a trace metric reads: the value, or null when it cannot be measured on this request. */
    @FunctionalInterface
    private interface TraceValue {
        Long of(RequestRecord record, HttpTrace trace);
    }

    /** A metric read straight from the trace; none without one. */
    private static final class FromTrace extends RecordMetricDefinition {
        private final TraceValue value;

        FromTrace(MetricSpec spec, TraceValue value) {
            super(spec);
            this.value = value;
        }

        @Override
        public Object compute(RecordInputs in) {
            HttpTrace trace = in.record().trace();
            return trace == null ? null : value.of(in.record(), trace);
        }
    }

    /** A sum of other trace metrics, a missing one counting 0; none without a trace. */
    private static final class SumOfPhases extends RecordMetricDefinition {
        SumOfPhases(MetricSpec spec, MetricSpec... parts) {
            super(spec, tags(parts));
        }

        private static String[] tags(MetricSpec... parts) {
            String[] tags = new String[parts.length];
            for (int i = 0; i < parts.length; i++) {
                tags[i] = parts[i].tag();
            }
            return tags;
        }

        @Override
        public Object compute(RecordInputs in) {
            if (in.record().trace() == null) {
                return null;
            }
            long sum = 0;
            for (String tag : requires()) {
                Long value = in.count(tag);
                sum += value == null ? 0 : value;
            }
            return sum;
        }
    }

    /** A phase of {@link HttpTrace}, -1 meaning not measurable. */
    private static Long phase(long ns) {
        return ns < 0 ? null : ns;
    }
}
