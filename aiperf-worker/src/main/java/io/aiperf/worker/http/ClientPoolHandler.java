package io.aiperf.worker.http;

import io.aiperf.core.endpoint.ResponseParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

/**
 * Builds the pipeline of every new connection to one base URL:
 * {@code SocketStamper → [SslHandler] → HttpClientCodec → SseDecoder → ResponseHandler}.
 * Runs on the new channel's event loop (the pool's channel initializer).
 */
final class ClientPoolHandler extends AbstractChannelPoolHandler {

    private static final int MAX_HEADER_BYTES = 32 * 1024;

    private final EndpointUrl url;
    private final SslContext sslContext;
    private final ResponseParser parser;
    private final int maxBodyBytes;
    private final long requestTimeoutNs;
    private final boolean traceHttp;
    private TargetConnections connections;

    ClientPoolHandler(EndpointUrl url, SslContext sslContext, ResponseParser parser, int maxBodyBytes,
                      long requestTimeoutNs, boolean traceHttp) {
        this.url = url;
        this.sslContext = sslContext;
        this.parser = parser;
        this.maxBodyBytes = maxBodyBytes;
        this.requestTimeoutNs = requestTimeoutNs;
        this.traceHttp = traceHttp;
    }

    /** Where connections go back after an exchange; set once, right after the pool is built, before any exists. */
    void connections(TargetConnections connections) {
        this.connections = connections;
    }

    @Override
    public void channelCreated(Channel ch) {
        SocketStamper stamper = new SocketStamper(sslContext != null);
        ChannelPipeline p = ch.pipeline();
        p.addLast("stamper", stamper);
        if (sslContext != null) {
            SslHandler tls = sslContext.newHandler(ch.alloc(), url.host(), url.port());
            // The handshake's end closes a TLS connection's connecting phase (listener runs on the channel's loop).
            tls.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    stamper.secured(System.nanoTime());
                }
            });
            p.addLast("tls", tls);
        }
        p.addLast("http", new HttpClientCodec(new HttpDecoderConfig().setMaxHeaderSize(MAX_HEADER_BYTES), false, false));
        SseDecoder sse = new SseDecoder(stamper, maxBodyBytes);
        p.addLast("sse", sse);
        p.addLast("response", new ResponseHandler(stamper, sse, connections, parser, maxBodyBytes, requestTimeoutNs,
                traceHttp));
    }
}
