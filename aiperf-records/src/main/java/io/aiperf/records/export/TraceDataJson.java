package io.aiperf.records.export;

import com.fasterxml.jackson.core.JsonGenerator;
import io.aiperf.core.message.HttpTrace;
import io.aiperf.core.message.RequestRecord;

import java.io.IOException;

/**
 * The {@code "trace_data"} object of a {@code profile_export.jsonl} line ({@code --export-http-trace}), with AIPerf's
 * field names (its {@code AioHttpTraceDataExport}, in its order) and, as there, a field whose event did not happen
 * left out. Stamps are wall-clock epoch nanoseconds; the computed {@code *_ns} durations are the same phases the
 * {@code http_req_*} metrics report (see {@link HttpTrace}). Not written (AIPerf has them, we do not capture them):
 * the request and response headers (in {@code profile_export_raw.jsonl} at {@code --export-level raw}, secrets
 * redacted), the per-chunk {@code request_chunks}/{@code response_chunks} lists (their counts and byte totals are
 * here) and the DNS stamps (no lookup happens during a request).
 */
final class TraceDataJson {

    /** Our transport, where AIPerf writes {@code aiohttp}. */
    static final String TRACE_TYPE = "netty";

    private TraceDataJson() {
    }

    static void write(JsonGenerator json, RequestRecord r) throws IOException {
        HttpTrace t = r.trace();
        if (t == null) {
            json.writeNullField("trace_data");
            return;
        }
        json.writeObjectFieldStart("trace_data");
        json.writeStringField("trace_type", TRACE_TYPE);
        stamp(json, r, "request_send_start_ns", t.sendStartNs());
        stamp(json, r, "request_send_end_ns", t.sendEndNs());
        json.writeNumberField("request_chunks_count", t.chunksSent());
        json.writeNumberField("request_bytes_total", t.bytesSent());
        if (r.httpStatus() > 0) {
            json.writeNumberField("response_status_code", r.httpStatus());
        }
        if (t.reason() != null) {
            json.writeStringField("response_reason", t.reason());
        }
        stamp(json, r, "response_receive_start_ns", t.responseStartNs());
        stamp(json, r, "response_headers_received_ns", r.responseHeadersNs());
        json.writeNumberField("response_chunks_count", t.chunksReceived());
        json.writeNumberField("response_bytes_total", t.bytesReceived());
        stamp(json, r, "response_receive_end_ns", t.responseEndNs());
        if (r.error() != null) {
            stamp(json, r, "error_timestamp_ns", r.requestEndNs());
        }
        stamp(json, r, "connection_pool_wait_start_ns", r.requestStartNs());
        stamp(json, r, "connection_pool_wait_end_ns", t.connectionAcquiredNs());
        if (!t.connectionReused()) {
            stamp(json, r, "tcp_connect_start_ns", t.connectStartNs());
            stamp(json, r, "tcp_connect_end_ns", t.connectEndNs());
        } else {
            stamp(json, r, "connection_reused_ns", t.connectionAcquiredNs());
        }
        if (t.localIp() != null) {
            json.writeStringField("local_ip", t.localIp());
            json.writeNumberField("local_port", t.localPort());
        }
        if (t.remoteIp() != null) {
            json.writeStringField("remote_ip", t.remoteIp());
            json.writeNumberField("remote_port", t.remotePort());
        }
        duration(json, "sending_ns", t.sendingNs());
        duration(json, "waiting_ns", t.waitingNs());
        duration(json, "receiving_ns", t.receivingNs());
        duration(json, "duration_ns", t.durationNs());
        duration(json, "blocked_ns", t.blockedNs(r.requestStartNs()));
        if (!t.connectionReused()) {
            duration(json, "connecting_ns", t.connectingNs());
        }
        json.writeEndObject();
    }

    /** A worker stamp as epoch nanoseconds; left out when it is -1 (the event did not happen). */
    private static void stamp(JsonGenerator json, RequestRecord r, String field, long nanoTimeNs) throws IOException {
        if (nanoTimeNs >= 0) {
            json.writeNumberField(field, r.epochNsOf(nanoTimeNs));
        }
    }

    private static void duration(JsonGenerator json, String field, long ns) throws IOException {
        if (ns >= 0) {
            json.writeNumberField(field, ns);
        }
    }
}
