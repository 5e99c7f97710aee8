package io.aiperf.worker.http;

import io.aiperf.core.endpoint.ResponseParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;

/**
 * Builds the pipeline of every new connection to one base URL:
 * {@code ReadStamper → [SslHandler] → HttpClientCodec → SseDecoder → ResponseHandler}.
 * Runs on the new channel's event loop (the pool's channel initializer).
 */
final class ClientPoolHandler extends AbstractChannelPoolHandler {

    private static final int MAX_HEADER_BYTES = 32 * 1024;

    private final EndpointUrl url;
    private final SslContext sslContext;
    private final ResponseParser parser;
    private final int maxBodyBytes;
    private final long requestTimeoutNs;
    private ChannelPool pool;

    ClientPoolHandler(EndpointUrl url, SslContext sslContext, ResponseParser parser, int maxBodyBytes,
                      long requestTimeoutNs) {
        this.url = url;
        this.sslContext = sslContext;
        this.parser = parser;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeoutNs = requestTimeoutNs;
    }

    /** The pool this handler serves; set once, right after the pool is built and before any connection exists. */
    void pool(ChannelPool pool) {
        this.pool = pool;
    }

    @Override
    public void channelCreated(Channel ch) {
        ReadStamper stamper = new ReadStamper();
        ChannelPipeline p = ch.pipeline();
        p.addLast("stamper", stamper);
        if (sslContext != null) {
            p.addLast("tls", sslContext.newHandler(ch.alloc(), url.host(), url.port()));
        }
        p.addLast("http", new HttpClientCodec(new HttpDecoderConfig().setMaxHeaderSize(MAX_HEADER_BYTES), false, false));
        p.addLast("sse", new SseDecoder());
        p.addLast("response", new ResponseHandler(stamper, pool, parser, maxBodyBytes, requestTimeoutNs));
    }
}
