package io.aiperf.mock;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.util.concurrent.atomic.AtomicLong;

/** The pipeline of every accepted connection: TLS when configured, HTTP/1.1 codec, whole-request aggregation, dispatch. */
final class MockServerInitializer extends ChannelInitializer<Channel> {

    /** Long multimodal prompts (base64 images) can be tens of MiB; anything larger is refused with 413. */
    static final int MAX_REQUEST_BYTES = 64 * 1024 * 1024;

    private final Router router;
    /** A server TLS context, or null for plain HTTP. */
    private final SslContext tls;
    // Numbers connections for the request log, so a benchmark can follow one connection's requests.
    private final AtomicLong connections = new AtomicLong();

    MockServerInitializer(Router router, SslContext tls) {
        this.router = router;
        this.tls = tls;
    }

    @Override
    protected void initChannel(Channel ch) {
        if (tls != null) {
            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
        }
        ch.pipeline().addLast(
                new HttpServerCodec(),
                new HttpObjectAggregator(MAX_REQUEST_BYTES),
                new HttpDispatcher(router, connections.incrementAndGet()));
    }
}
