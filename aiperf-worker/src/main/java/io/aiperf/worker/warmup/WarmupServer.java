package io.aiperf.worker.warmup;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A loopback-only HTTP server that answers every request at once with a canned chat or completions response, SSE
 * or plain JSON as asked. Its first {@code oneShot} answers say {@code Connection: close} and close the connection, so
 * the client opens a new connection for each of them. It exists so a worker can drive its real transport before the
 * benchmark starts; it is never a benchmark target.
 */
final class WarmupServer implements AutoCloseable {

    static final int CHUNKS = 16;

    private final EventLoopGroup group;
    private final Channel channel;

    private WarmupServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    static WarmupServer start(boolean completions, int oneShot) throws InterruptedException {
        // Child channels all run on the group's one loop: a plain counter, read and written there only.
        int[] oneShotLeft = {oneShot};
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("aiperf-warmup", true),
                NioIoHandler.newFactory());
        Channel ch = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                        c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new CannedResponder(completions, oneShotLeft));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
        return new WarmupServer(group, ch);
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Waits a few seconds at most: a warm-up must never keep a worker from becoming ready. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
    }

    private static final class CannedResponder extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final boolean completions;
        private final int[] oneShotLeft;

        CannedResponder(boolean completions, int[] oneShotLeft) {
            this.completions = completions;
            this.oneShotLeft = oneShotLeft;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            boolean close = oneShotLeft[0] > 0;
            if (close) {
                oneShotLeft[0]--;
            }
            boolean sse = req.headers().containsValue(HttpHeaderNames.ACCEPT, HttpHeaderValues.TEXT_EVENT_STREAM, true);
            if (!sse) {
                String body = completions
                        ? "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\"warm up text\"}],"
                          + "\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3,\"total_tokens\":5}}"
                        : "{\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                          + "\"content\":\"warm up text\"}}],\"usage\":{\"prompt_tokens\":2,\"completion_tokens\":3,"
                          + "\"total_tokens\":5}}";
                DefaultFullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
                res.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, res.content().readableBytes());
                if (close) {
                    res.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    ctx.writeAndFlush(res).addListener(ChannelFutureListener.CLOSE);
                } else {
                    ctx.writeAndFlush(res);
                }
                return;
            }
            DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_EVENT_STREAM)
                    .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            if (close) {
                head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            ctx.write(head);
            for (int i = 0; i < CHUNKS; i++) {
                String json = completions
                        ? "{\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"text\":\" w" + i + "\"}]}"
                        : "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" w"
                          + i + "\"},\"finish_reason\":null}]}";
                ctx.writeAndFlush(new DefaultHttpContent(sse("data: " + json + "\n\n")));
            }
            ctx.write(new DefaultHttpContent(sse("data: {\"object\":\"" + (completions ? "text_completion"
                    : "chat.completion.chunk") + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":2,"
                    + "\"completion_tokens\":16,\"total_tokens\":18}}\n\ndata: [DONE]\n\n")));
            ChannelFuture last = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            if (close) {
                last.addListener(ChannelFutureListener.CLOSE);
            }
        }

        private static ByteBuf sse(String s) {
            return Unpooled.copiedBuffer(s, StandardCharsets.UTF_8);
        }
    }
}
