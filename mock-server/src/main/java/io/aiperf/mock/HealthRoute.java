package io.aiperf.mock;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/** {@code GET /health}: answers as soon as the server accepts connections, which is what readiness probes poll. */
final class HealthRoute implements Route {

    private static final byte[] BODY = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        exchange.respondJson(HttpResponseStatus.OK, Unpooled.wrappedBuffer(BODY));
    }
}
