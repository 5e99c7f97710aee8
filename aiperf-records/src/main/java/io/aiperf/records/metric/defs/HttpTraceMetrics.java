package io.aiperf.records.metric.defs;

import io.aiperf.core.message.HttpTrace;
import io.aiperf.core.message.RequestRecord;
import io.aiperf.records.metric.MetricCatalog;
import io.aiperf.records.metric.MetricSpec;
import io.aiperf.records.metric.RecordInputs;
import io.aiperf.records.metric.RecordMetricDefinition;

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

    /** Base for the metrics read straight from the trace. */
    private abstract static class FromTrace extends RecordMetricDefinition {
        FromTrace(MetricSpec spec) {
            super(spec);
        }

        @Override
        public final Object compute(RecordInputs in) {
            HttpTrace trace = in.record().trace();
            return trace == null ? null : compute(in.record(), trace);
        }

        /** @return the value, or null when the phase cannot be measured on this request */
        abstract Long compute(RequestRecord record, HttpTrace trace);

        /** A phase of {@link HttpTrace}, -1 meaning not measurable. */
        static Long phase(long ns) {
            return ns < 0 ? null : ns;
        }
    }

    /**
     * Send start − request start − connecting: the client's own time before the bytes could leave (pool hand-over,
     * a new connection's set-up around its connect, building the request).
     */
    public static final class Blocked extends FromTrace {
        public Blocked() {
            super(MetricCatalog.HTTP_REQ_BLOCKED);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return phase(trace.blockedNs(record.requestStartNs()));
        }
    }

    /** 0: no request ever waits for a lookup (AIPerf's value for a cached or skipped lookup). */
    public static final class DnsLookup extends FromTrace {
        public DnsLookup() {
            super(MetricCatalog.HTTP_REQ_DNS_LOOKUP);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return 0L;
        }
    }

    /** Connected (TLS: handshake done) − connect issued on a new connection; 0 on a reused one. */
    public static final class Connecting extends FromTrace {
        public Connecting() {
            super(MetricCatalog.HTTP_REQ_CONNECTING);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return phase(trace.connectingNs());
        }
    }

    /** Request fully written − send start. */
    public static final class Sending extends FromTrace {
        public Sending() {
            super(MetricCatalog.HTTP_REQ_SENDING);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return phase(trace.sendingNs());
        }
    }

    /** First response body byte − request fully sent (AIPerf's TTFB: the body, not the headers). */
    public static final class Waiting extends FromTrace {
        public Waiting() {
            super(MetricCatalog.HTTP_REQ_WAITING);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return phase(trace.waitingNs());
        }
    }

    /** Last byte − first body byte; 0 when the body came in one read. */
    public static final class Receiving extends FromTrace {
        public Receiving() {
            super(MetricCatalog.HTTP_REQ_RECEIVING);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return phase(trace.receivingNs());
        }
    }

    /** Last byte − send start (= sending + waiting + receiving). */
    public static final class Duration extends FromTrace {
        public Duration() {
            super(MetricCatalog.HTTP_REQ_DURATION);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return phase(trace.durationNs());
        }
    }

    /** 1 when the connection had carried an earlier request, else 0. */
    public static final class ConnectionReused extends FromTrace {
        public ConnectionReused() {
            super(MetricCatalog.HTTP_REQ_CONNECTION_REUSED);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return trace.connectionReused() ? 1L : 0L;
        }
    }

    /** Bytes handed to the socket for the request, headers included. */
    public static final class DataSent extends FromTrace {
        public DataSent() {
            super(MetricCatalog.HTTP_REQ_DATA_SENT);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return trace.bytesSent();
        }
    }

    /** Buffers handed to the socket for the request. */
    public static final class ChunksSent extends FromTrace {
        public ChunksSent() {
            super(MetricCatalog.HTTP_REQ_CHUNKS_SENT);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return trace.chunksSent();
        }
    }

    /** Bytes read from the socket for the response, headers included. */
    public static final class DataReceived extends FromTrace {
        public DataReceived() {
            super(MetricCatalog.HTTP_REQ_DATA_RECEIVED);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return trace.bytesReceived();
        }
    }

    /** Socket reads that brought the response. */
    public static final class ChunksReceived extends FromTrace {
        public ChunksReceived() {
            super(MetricCatalog.HTTP_REQ_CHUNKS_RECEIVED);
        }

        @Override
        Long compute(RequestRecord record, HttpTrace trace) {
            return trace.chunksReceived();
        }
    }

    /** blocked + dns_lookup + connecting, a missing part counting 0 (AIPerf's sum). */
    public static final class ConnectionOverhead extends RecordMetricDefinition {
        public ConnectionOverhead() {
            super(MetricCatalog.HTTP_REQ_CONNECTION_OVERHEAD, MetricCatalog.HTTP_REQ_BLOCKED.tag(),
                    MetricCatalog.HTTP_REQ_DNS_LOOKUP.tag(), MetricCatalog.HTTP_REQ_CONNECTING.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            return in.record().trace() == null ? null : sumOf(in, requires().toArray(String[]::new));
        }
    }

    /** The six phases summed, a missing one counting 0 (AIPerf's sum). */
    public static final class Total extends RecordMetricDefinition {
        public Total() {
            super(MetricCatalog.HTTP_REQ_TOTAL, MetricCatalog.HTTP_REQ_BLOCKED.tag(),
                    MetricCatalog.HTTP_REQ_DNS_LOOKUP.tag(), MetricCatalog.HTTP_REQ_CONNECTING.tag(),
                    MetricCatalog.HTTP_REQ_SENDING.tag(), MetricCatalog.HTTP_REQ_WAITING.tag(),
                    MetricCatalog.HTTP_REQ_RECEIVING.tag());
        }

        @Override
        public Object compute(RecordInputs in) {
            return in.record().trace() == null ? null : sumOf(in, requires().toArray(String[]::new));
        }
    }

    private static long sumOf(RecordInputs in, String... tags) {
        long sum = 0;
        for (String tag : tags) {
            Long value = in.count(tag);
            sum += value == null ? 0 : value;
        }
        return sum;
    }
}
