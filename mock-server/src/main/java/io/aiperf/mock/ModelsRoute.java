package io.aiperf.mock;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v1/models}: one fixed model. The inference routes accept any model name and echo it back, so
 * this list only needs to satisfy clients that probe for a model at startup.
 */
final class ModelsRoute implements Route {

    static final String MODEL_ID = "mock-model";

    private static final byte[] BODY = ("{\"object\":\"list\",\"data\":[{\"id\":\"" + MODEL_ID
            + "\",\"object\":\"model\",\"owned_by\":\"aiperf-mock\"}]}").getBytes(StandardCharsets.UTF_8);

    @Override
    public void handle(Exchange exchange, FullHttpRequest request) {
        exchange.respondJson(HttpResponseStatus.OK, Unpooled.wrappedBuffer(BODY));
    }
}
