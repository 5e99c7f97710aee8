package io.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One request and its response on one connection. Confined to the connection's event loop, so it needs no
 * synchronization. Routes answer through it; it tells the connection's {@link HttpDispatcher} when the
 * response is fully written, so the next request on a keep-alive connection can start.
 */
final class Exchange {

    private final ChannelHandlerContext ctx;
    private final String path;
    private final HttpHeaders requestHeaders;
    private final boolean keepAlive;
    private final long arrivalNs;
    private final long arrivalEpochNs;
    private final long connection;
    private final Consumer<Exchange> onDone;
    /** Stamped before each write when the request is logged; null for routes that are not (health, the log). */
    private ResponseWrites writes;
    private Runnable onFinish;
    private ScheduledFuture<?> timer;
    private boolean finished;
    private boolean delivered;

    Exchange(ChannelHandlerContext ctx, String path, HttpHeaders requestHeaders, boolean keepAlive,
             long arrivalNs, long arrivalEpochNs, long connection, Consumer<Exchange> onDone) {
        this.ctx = ctx;
        this.path = path;
        this.requestHeaders = requestHeaders;
        this.keepAlive = keepAlive;
        this.arrivalNs = arrivalNs;
        this.arrivalEpochNs = arrivalEpochNs;
        this.connection = connection;
        this.onDone = onDone;
    }

    String path() {
        return path;
    }

    HttpHeaders requestHeaders() {
        return requestHeaders;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** {@link System#nanoTime()} when the whole request had been read: time zero of the token schedule. */
    long arrivalNs() {
        return arrivalNs;
    }

    long arrivalEpochNs() {
        return arrivalEpochNs;
    }

    /** The connection's number: 1 for the server's first accepted connection, then 2, … */
    long connection() {
        return connection;
    }

    /** Stamps every later write of this exchange's response into {@code writes}. */
    void recordWrites(ResponseWrites writes) {
        this.writes = writes;
    }

    /** The answer will have {@code count} SSE events: sizes the stamp array once. */
    void expectEvents(int count) {
        if (writes != null) {
            writes.expectEvents(count);
        }
    }

    ChannelHandlerContext ctx() {
        return ctx;
    }

    /**
     * Adds an action that runs once when this exchange ends, whether its response was written or its connection
     * dropped; actions run in the order they were added.
     */
    void onFinish(Runnable action) {
        Runnable before = onFinish;
        this.onFinish = before == null ? action : () -> {
            before.run();
            action.run();
        };
    }

    /** Whether the whole response was written (false while it is not, or when the connection dropped first). */
    boolean delivered() {
        return delivered;
    }

    boolean isActive() {
        return !finished && ctx.channel().isActive();
    }

    /**
     * Runs {@code task} on this connection's event loop at the absolute time {@code deadlineNs}
     * ({@link System#nanoTime()} scale), or on the next loop turn if that time has passed. Absolute deadlines
     * keep scheduling error from adding up over a long stream. Nothing runs once the exchange has ended.
     */
    void runAt(long deadlineNs, Runnable task) {
        Runnable guarded = () -> {
            if (!finished) {
                task.run();
            }
        };
        EventLoop loop = ctx.channel().eventLoop();
        long delayNs = deadlineNs - System.nanoTime();
        if (delayNs > 0) {
            timer = loop.schedule(guarded, delayNs, TimeUnit.NANOSECONDS);
        } else {
            // Not inline: going through the queue lets other connections on this loop have a turn.
            timer = null;
            loop.execute(guarded);
        }
    }

    FullHttpResponse jsonResponse(HttpResponseStatus status, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        return response;
    }

    void respondJson(HttpResponseStatus status, ByteBuf body) {
        send(jsonResponse(status, body));
    }

    void respondError(HttpResponseStatus status, String message, String type) {
        respondJson(status, Json.error(ctx.alloc(), message, type, null));
    }

    /** Writes a complete response; the exchange ends when it has been written. */
    void send(FullHttpResponse response) {
        HttpUtil.setKeepAlive(response, keepAlive);
        if (writes != null) {
            long now = System.nanoTime();
            writes.response(now);
            writes.end(now);
        }
        ctx.writeAndFlush(response).addListener(written -> complete());
    }

    /** Sends the status line and headers of a server-sent-event stream; events follow as chunks. */
    void startEventStream() {
        startChunkedBody(HttpResponseStatus.OK, HttpHeaderValues.TEXT_EVENT_STREAM);
    }

    /** Sends the status line and headers of a chunked body of {@code contentType}; chunks follow. */
    void startChunkedBody(HttpResponseStatus status, CharSequence contentType) {
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, status);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        HttpUtil.setTransferEncodingChunked(response, true);
        HttpUtil.setKeepAlive(response, keepAlive);
        if (writes != null) {
            writes.response(System.nanoTime());
        }
        ctx.writeAndFlush(response, ctx.voidPromise());
    }

    /** One event as its own chunk, flushed at once so the client sees it at its scheduled time. */
    void writeEvent(ByteBuf event) {
        if (writes != null) {
            writes.event(System.nanoTime());
        }
        ctx.writeAndFlush(new DefaultHttpContent(event), ctx.voidPromise());
    }

    /**
     * Writes one chunk (not stamped: for bodies without a schedule) and runs {@code next} once it has gone out to
     * the socket, if the exchange is still on: a writer that waits for each chunk cannot outrun a slow reader.
     */
    void writeChunk(ByteBuf chunk, Runnable next) {
        ctx.writeAndFlush(new DefaultHttpContent(chunk)).addListener(written -> {
            if (written.isSuccess() && isActive()) {
                next.run();
            }
        });
    }

    /** Terminates the chunked body; the exchange ends when the terminator has been written. */
    void endEventStream() {
        if (writes != null) {
            writes.end(System.nanoTime());
        }
        ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(written -> complete());
    }

    /**
     * Ends the connection with a TCP reset (RST instead of FIN), after whatever was already written has been flushed:
     * what a crashed server or a dropped proxy looks like to the client.
     */
    void reset() {
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(flushed -> {
            finish();
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
            ctx.close();
        });
    }

    /** The connection closed before the response was complete: stop all pending work. */
    void abort() {
        finish();
    }

    private void complete() {
        if (!finished) {
            delivered = true; // before finish(), whose actions ask
        }
        if (finish()) {
            if (!keepAlive) {
                ctx.close();
            }
            onDone.accept(this);
        }
    }

    private boolean finish() {
        if (finished) {
            return false;
        }
        finished = true;
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        if (onFinish != null) {
            onFinish.run();
        }
        return true;
    }
}
