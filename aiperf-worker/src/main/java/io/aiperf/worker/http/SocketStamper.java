package io.aiperf.worker.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.PromiseNotifier;

import java.net.SocketAddress;

/**
 * The first handler of every client pipeline (before TLS and the HTTP codec), so the closest to the socket: it
 * takes {@code System.nanoTime()} the moment a network read is handed to the pipeline, before any decoding, and
 * keeps it in a plain field. Every HTTP object and SSE event decoded from that read is processed synchronously
 * within the same {@code channelRead} call, so handlers further down read {@link #lastReadNs()} and get the arrival
 * time of the bytes that completed their message; several events in one read share one stamp (AIPerf's model).
 *
 * <p>It also stamps on {@code channelInactive}, before the HTTP codec flushes a close-delimited body, so a message
 * completed only by the end of the stream gets the time the end was seen.
 *
 * <p>For the HTTP trace it stamps the connect (issued to the socket; completed, or for TLS the handshake's end via
 * {@link #secured}) and counts the bytes and buffers that cross the socket each way; an exchange takes the
 * counts' difference over its own time on the connection. Counting is two additions per read or write and
 * allocates nothing, so it runs whether or not a trace is wanted. One instance per channel; every field is
 * confined to the channel's event loop.
 */
final class SocketStamper extends ChannelDuplexHandler {

    private final boolean tls;
    private long lastReadNs;
    private long connectStartNs = -1;
    private long connectEndNs = -1;
    private long bytesRead;
    private long reads;
    private long bytesWritten;
    private long writes;
    private long exchanges;

    /** @param tls the connection's handshake, not its TCP connect, ends the connecting phase */
    SocketStamper(boolean tls) {
        this.tls = tls;
    }

    long lastReadNs() {
        return lastReadNs;
    }

    /** When {@code connect} reached the socket, or -1. */
    long connectStartNs() {
        return connectStartNs;
    }

    /** When the connection was usable (TCP connected; with TLS, handshake ended), or -1. */
    long connectEndNs() {
        return connectEndNs;
    }

    long bytesRead() {
        return bytesRead;
    }

    long reads() {
        return reads;
    }

    long bytesWritten() {
        return bytesWritten;
    }

    long writes() {
        return writes;
    }

    /**
     * An exchange begins on this connection.
     *
     * @return true when the connection had already carried one (it is reused)
     */
    boolean startExchange() {
        return exchanges++ > 0;
    }

    /** The TLS handshake ended at {@code nowNs} (called on the channel's event loop). */
    void secured(long nowNs) {
        connectEndNs = nowNs;
    }

    @Override
    public void connect(ChannelHandlerContext ctx, SocketAddress remote, SocketAddress local, ChannelPromise promise) {
        connectStartNs = System.nanoTime();
        // The caller's promise already has listeners (the pool's, which hand the connection to its request and
        // write it), and the channel fires channelActive only after notifying them. So the connect goes out with a
        // promise of ours whose first listener stamps the end, and only then completes the caller's.
        ChannelPromise connected = ctx.newPromise();
        connected.addListener(f -> {
            if (f.isSuccess() && !tls) {
                connectEndNs = System.nanoTime();
            }
        });
        PromiseNotifier.cascade(false, connected, promise);
        ctx.connect(remote, local, connected);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNs = System.nanoTime();
        if (msg instanceof ByteBuf bytes) {
            bytesRead += bytes.readableBytes();
            reads++;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf bytes) {
            bytesWritten += bytes.readableBytes();
            writes++;
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lastReadNs = System.nanoTime();
        ctx.fireChannelInactive();
    }
}
