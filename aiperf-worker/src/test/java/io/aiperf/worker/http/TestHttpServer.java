package io.aiperf.worker.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny in-test HTTP/1.1 server on a loopback port: records every request and accepted connection, and answers
 * with whatever {@link Responder} the test sets (streamed SSE with real delays, JSON, errors, silence, abrupt close).
 */
final class TestHttpServer implements AutoCloseable {

    @FunctionalInterface
    interface Responder {
        void respond(ChannelHandlerContext ctx, FullHttpRequest request);
    }

    record Received(String uri, HttpHeaders headers, String body) {
    }

    /** One write of a streamed response, {@code delayMs} after the previous one. */
    record Step(long delayMs, String payload) {
    }

    final AtomicInteger accepted = new AtomicInteger();
    final BlockingQueue<Received> requests = new LinkedBlockingQueue<>();
    volatile Responder responder = (ctx, req) -> { };

    /** The protocol each TLS handshake's ALPN picked ({@code ""} when the client offered none we speak). */
    final BlockingQueue<String> negotiatedProtocols = new LinkedBlockingQueue<>();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final boolean tls;

    TestHttpServer() throws InterruptedException {
        this(null);
    }

    /** A server speaking HTTPS with {@code tls} (a server context), or plain HTTP when it is null. */
    TestHttpServer(SslContext tls) throws InterruptedException {
        this.tls = tls != null;
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.incrementAndGet();
                        if (tls != null) {
                            SslHandler handler = tls.newHandler(ch.alloc());
                            handler.handshakeFuture().addListener(f -> {
                                if (f.isSuccess()) {
                                    String protocol = handler.applicationProtocol();
                                    negotiatedProtocols.add(protocol == null ? "" : protocol);
                                }
                            });
                            ch.pipeline().addLast(handler);
                        }
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new SimpleChannelInboundHandler<FullHttpRequest>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
                                        requests.add(new Received(req.uri(), req.headers().copy(),
                                                req.content().toString(StandardCharsets.UTF_8)));
                                        responder.respond(ctx, req);
                                    }

                                    @Override
                                    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                        ctx.close(); // clients reset connections on purpose (cancel, timeout)
                                    }
                                });
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    String baseUrl() {
        return (tls ? "https://" : "http://") + "127.0.0.1:" + ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static Responder json(HttpResponseStatus status, String body, boolean keepAlive) {
        return (ctx, req) -> {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            ctx.writeAndFlush(response);
            if (!keepAlive) {
                ctx.close();
            }
        };
    }

    /**
     * Streams {@code steps} as one chunk each, recording {@code System.nanoTime()} just before each write into
     * {@code sendTimesNs}; then ends the body, or closes the connection if {@code closeInsteadOfEnd}.
     */
    static Responder sse(List<Long> sendTimesNs, boolean closeInsteadOfEnd, Step... steps) {
        return (ctx, req) -> {
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            ctx.writeAndFlush(head);
            streamStep(ctx, steps, 0, sendTimesNs, closeInsteadOfEnd);
        };
    }

    private static void streamStep(ChannelHandlerContext ctx, Step[] steps, int index, List<Long> sendTimesNs,
                                   boolean closeInsteadOfEnd) {
        if (index == steps.length) {
            if (closeInsteadOfEnd) {
                ctx.close();
            } else {
                ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            return;
        }
        Step step = steps[index];
        ctx.executor().schedule(() -> {
            if (!ctx.channel().isActive()) {
                return;
            }
            sendTimesNs.add(System.nanoTime());
            ctx.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(step.payload(), StandardCharsets.UTF_8)));
            streamStep(ctx, steps, index + 1, sendTimesNs, closeInsteadOfEnd);
        }, step.delayMs(), TimeUnit.MILLISECONDS);
    }

    static String chunk(String content) {
        return "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"model\":\"m\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":null}]}\n\n";
    }

    static final String ROLE_CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";
    static final String USAGE_CHUNK = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}\n\n";
    static final String DONE = "data: [DONE]\n\n";
}
