package io.aiperf.mock;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

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

    void clear(Exchange exchange, FullHttpRequest request) {
        requestLog.clear();
        exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
            json.writeStartObject();
            json.writeBooleanField("cleared", true);
            json.writeEndObject();
        }));
    }
}
