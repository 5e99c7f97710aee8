package io.aiperf.mock;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.internal.logging.InternalLogger;
import io.netty.util.internal.logging.InternalLoggerFactory;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Per-connection HTTP/1.1 sequencing: one exchange at a time, in arrival order, then keep-alive or close.
 *
 * <p>Responses are delayed, so a pipelining client can have a second request read before the first response
 * is written; HTTP/1.1 requires responses in request order, so later requests wait in a small queue. When the
 * queue is full, reading from the socket pauses (TCP backpressure) instead of queueing without bound.
 */
final class HttpDispatcher extends ChannelInboundHandlerAdapter {

    private static final InternalLogger log = InternalLoggerFactory.getInstance(HttpDispatcher.class);
    private static final int MAX_QUEUED = 16;

    private record Arrival(FullHttpRequest request, long arrivalNs, long arrivalEpochNs) {
    }

    private final Router router;
    private final long connection;
    private final ArrayDeque<Arrival> queue = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private Exchange current;
    private boolean draining;

    /** {@code connection}: this connection's number in the request log. */
    HttpDispatcher(Router router, long connection) {
        this.router = router;
        this.connection = connection;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest)) {
            // Only the aggregator's full requests are expected here.
            ReferenceCountUtil.release(msg);
            return;
        }
        // Time zero for this request's token schedule: the aggregator hands us the request once fully read.
        long arrivalNs = System.nanoTime();
        queue.add(new Arrival((FullHttpRequest) msg, arrivalNs, epochNanos()));
        if (queue.size() >= MAX_QUEUED) {
            ctx.channel().config().setAutoRead(false);
        }
        drain();
    }

    private void drain() {
        if (draining) {
            // An exchange finished synchronously inside start(); the loop below picks up the next one.
            return;
        }
        draining = true;
        try {
            while (current == null && !queue.isEmpty() && ctx.channel().isActive()) {
                start(queue.poll());
            }
        } finally {
            draining = false;
        }
        if (queue.size() < MAX_QUEUED && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void start(Arrival arrival) {
        FullHttpRequest request = arrival.request();
        try {
            boolean decoded = request.decoderResult().isSuccess();
            String path = new QueryStringDecoder(request.uri()).path();
            current = new Exchange(ctx, path, request.headers(), decoded && HttpUtil.isKeepAlive(request),
                    arrival.arrivalNs(), arrival.arrivalEpochNs(), connection, this::exchangeDone);
            if (!decoded) {
                current.respondError(HttpResponseStatus.BAD_REQUEST,
                        "malformed HTTP request: " + request.decoderResult().cause(), "invalid_request_error");
            } else {
                router.route(current, request);
            }
        } finally {
            // Routes read what they need synchronously; nothing holds the request after this.
            request.release();
        }
    }

    private void exchangeDone(Exchange exchange) {
        if (exchange == current) {
            current = null;
        }
        if (exchange.keepAlive()) {
            drain();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (current != null) {
            current.abort();
            current = null;
        }
        Arrival queued;
        while ((queued = queue.poll()) != null) {
            queued.request().release();
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A peer resetting the connection mid-stream is routine for a load-test target; anything else is a bug.
        if (!(cause instanceof IOException)) {
            log.warn("closing connection after unexpected error", cause);
        }
        ctx.close();
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
