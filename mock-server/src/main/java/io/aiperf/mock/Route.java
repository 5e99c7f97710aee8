package io.aiperf.mock;

import io.netty.handler.codec.http.FullHttpRequest;

/**
 * Answers one request through its {@link Exchange}. Called on the connection's event loop; must not block.
 * The request is released when this returns, so read what you need from it before then.
 */
@FunctionalInterface
interface Route {
    void handle(Exchange exchange, FullHttpRequest request);
}
