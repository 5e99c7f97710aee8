package io.aiperf.worker.http;

import io.aiperf.core.config.Secrets;
import io.aiperf.core.message.RawExchange;
import io.netty.handler.codec.http.HttpHeaders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one request exchanged, kept only at export level raw (an {@link Exchange} has none otherwise, so the usual
 * path allocates nothing for it). Confined to the channel's event loop, like the exchange's response fields.
 * Secret headers (request and response, by the run's {@link Secrets} rule) are redacted here, before anything
 * leaves the worker.
 */
final class RawCapture {

    private final String payload;
    private final Secrets secrets;
    private Map<String, String> requestHeaders;
    private Map<String, String> responseHeaders;
    private final List<RawExchange.RawResponse> responses = new ArrayList<>();

    RawCapture(String payload, Secrets secrets) {
        this.payload = payload;
        this.secrets = secrets;
    }

    void requestHeaders(HttpHeaders headers) {
        requestHeaders = secrets.redactHeaders(headerMap(headers));
    }

    /** A server's {@code Set-Cookie} is a credential too. */
    void responseHeaders(HttpHeaders headers) {
        responseHeaders = secrets.redactHeaders(headerMap(headers));
    }

    /** One SSE message, every field it had. */
    void event(long arrivalNs, SseEvent event) {
        List<RawExchange.Packet> packets = new ArrayList<>(3);
        if (!SseEvent.DEFAULT_TYPE.equals(event.type())) {
            packets.add(new RawExchange.Packet("event", event.type()));
        }
        if (event.data() != null) {
            packets.add(new RawExchange.Packet("data", event.data()));
        }
        if (event.comment() != null) {
            packets.add(new RawExchange.Packet("comment", event.comment()));
        }
        responses.add(new RawExchange.RawResponse(arrivalNs, packets, null, null));
    }

    /** A whole non-streaming body (or the kept part of an error body). */
    void body(long arrivalNs, String contentType, String text) {
        responses.add(new RawExchange.RawResponse(arrivalNs, null, contentType, text));
    }

    RawExchange build() {
        return new RawExchange(payload, requestHeaders, responseHeaders, responses);
    }

    private static Map<String, String> headerMap(HttpHeaders headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            out.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return out;
    }
}
