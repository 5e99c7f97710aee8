package io.aiperf.worker.http;

import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.message.Credit;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the POST of one credit. Headers, in this order, later ones overriding earlier ones (AIPerf's order):
 * {@code Host}, {@code User-Agent}, {@code X-Request-ID}, {@code X-Correlation-ID}, the user's headers,
 * {@code Authorization: Bearer <api key>}, {@code Accept}, {@code Content-Type}, {@code Content-Length}.
 * The constant part is validated and prepared once; per request only the ids and the length vary.
 * Immutable, so shared by all event loops.
 */
final class RequestFactory {

    static final String USER_AGENT = "aiperf-jvm/0.1";
    static final AsciiString X_REQUEST_ID = AsciiString.cached("X-Request-ID");
    static final AsciiString X_CORRELATION_ID = AsciiString.cached("X-Correlation-ID");

    /** Per-request headers skip validation: everything user-supplied was validated in the constructor. */
    private static final DefaultHttpHeadersFactory HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    /** Name/value pairs set after the ids: user headers, Authorization, Accept, Content-Type. */
    private final Object[] fixedHeaders;
    /** A user {@code X-Request-ID} header wins over the generated id (and is what the record reports). */
    private final String userRequestId;

    /** @throws IllegalArgumentException when a configured header is not valid HTTP */
    RequestFactory(EndpointConfig endpoint) {
        HttpHeaders validating = DefaultHttpHeadersFactory.headersFactory().newHeaders();
        List<Object> pairs = new ArrayList<>();
        String requestId = null;
        for (Map.Entry<String, String> header : endpoint.headers().entrySet()) {
            validating.add(header.getKey(), header.getValue());
            pairs.add(AsciiString.of(header.getKey()));
            pairs.add(header.getValue());
            if (X_REQUEST_ID.contentEqualsIgnoreCase(header.getKey())) {
                requestId = header.getValue();
            }
        }
        if (endpoint.apiKey() != null && !endpoint.apiKey().isEmpty()) {
            String authorization = "Bearer " + endpoint.apiKey();
            validating.add(HttpHeaderNames.AUTHORIZATION, authorization);
            pairs.add(HttpHeaderNames.AUTHORIZATION);
            pairs.add(authorization);
        }
        pairs.add(HttpHeaderNames.ACCEPT);
        pairs.add(endpoint.streaming() ? HttpHeaderValues.TEXT_EVENT_STREAM : HttpHeaderValues.APPLICATION_JSON);
        pairs.add(HttpHeaderNames.CONTENT_TYPE);
        pairs.add(HttpHeaderValues.APPLICATION_JSON);
        this.fixedHeaders = pairs.toArray();
        this.userRequestId = requestId;
    }

    /** The {@code X-Request-ID} of a new request: a random UUID unless the user fixed one. */
    String requestId() {
        return userRequestId != null ? userRequestId : io.aiperf.core.model.RandomUuid.next();
    }

    /** The request; {@code body} is encoded once into a buffer from {@code alloc}, released by the write. */
    FullHttpRequest request(EndpointUrl url, String requestId, Credit credit, String body, ByteBufAllocator alloc) {
        HttpHeaders h = HEADERS.newHeaders();
        h.add(HttpHeaderNames.HOST, url.hostHeader());
        h.add(HttpHeaderNames.USER_AGENT, USER_AGENT);
        h.add(X_REQUEST_ID, requestId);
        if (credit.xCorrelationId() != null) {
            h.add(X_CORRELATION_ID, credit.xCorrelationId());
        }
        Object[] fixed = fixedHeaders;
        for (int i = 0; i < fixed.length; i += 2) {
            h.set((CharSequence) fixed[i], fixed[i + 1]);
        }
        ByteBuf content = ByteBufUtil.writeUtf8(alloc, body);
        h.setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, url.target(), content, h,
                EmptyHttpHeaders.INSTANCE);
    }
}
