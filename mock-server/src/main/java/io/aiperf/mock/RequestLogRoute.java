package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;

/**
 * {@code GET /mock/requests} lists what the server saw arrive, so an out-of-process test can check the load
 * generator's timing against the server's clock and the bodies it sent; {@code DELETE} starts a fresh log.
 */
final class RequestLogRoute {

    static final String PATH = "/mock/requests";

    private final RequestLog requestLog;

    RequestLogRoute(RequestLog requestLog) {
        this.requestLog = requestLog;
    }

    void list(Exchange exchange, FullHttpRequest request) {
        exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
            json.writeStartObject();
            json.writeNumberField("peak_concurrency", requestLog.peakConcurrency());
            json.writeNumberField("in_flight", requestLog.inFlight());
            json.writeNumberField("dropped", requestLog.dropped());
            json.writeArrayFieldStart("requests");
            for (RequestRecord record : requestLog.snapshot()) {
                json.writeStartObject();
                json.writeNumberField("arrival_epoch_ns", record.arrivalEpochNs());
                json.writeNumberField("arrival_ns", record.arrivalNs());
                json.writeStringField("path", record.path());
                json.writeStringField("model", record.model());
                json.writeBooleanField("stream", record.stream());
                json.writeStringField("x_request_id", record.xRequestId());
                json.writeStringField("x_correlation_id", record.xCorrelationId());
                json.writeNumberField("images", record.images());
                json.writeNumberField("audios", record.audios());
                json.writeNumberField("videos", record.videos());
                json.writeStringField("fault", record.fault() == null ? null : record.fault().cliName);
                json.writeNumberField("connection", record.connection());
                writeWrites(json, record.writes());
                if (record.body() != null) {
                    json.writeFieldName("body");
                    json.writeTree(record.body());
                } else {
                    json.writeNullField("body");
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    /** The server's own clock for the answer: nanoTime stamps, null for writes that did not happen. */
    private static void writeWrites(JsonGenerator json, ResponseWrites writes) throws IOException {
        // Read the counts first: a stamp is set before its count (see ResponseWrites).
        int events = writes.events();
        long end = writes.endNs();
        writeStamp(json, "response_ns", writes.responseNs());
        json.writeNumberField("events", events);
        writeStamp(json, "first_event_ns", writes.firstEventNs());
        writeStamp(json, "last_event_ns", writes.lastEventNs());
        writeStamp(json, "end_ns", end);
        long[] stamps = writes.eventNs();
        if (stamps == null) {
            json.writeNullField("event_ns");
        } else {
            json.writeFieldName("event_ns");
            json.writeArray(stamps, 0, stamps.length);
        }
    }

    private static void writeStamp(JsonGenerator json, String field, long ns) throws IOException {
        if (ns < 0) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, ns);
        }
    }

    void clear(Exchange exchange, FullHttpRequest request) {
        requestLog.clear();
        exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
            json.writeStartObject();
            json.writeBooleanField("cleared", true);
            json.writeEndObject();
        }));
    }
}
