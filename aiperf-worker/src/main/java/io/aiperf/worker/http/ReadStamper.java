package io.aiperf.worker.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The first inbound handler of every client pipeline (before TLS and the HTTP codec): it takes
 * {@code System.nanoTime()} the moment a network read is handed to the pipeline, before any decoding, and keeps it
 * in a plain field. Every HTTP object and SSE event decoded from that read is processed synchronously within the same
 * {@code channelRead} call, so handlers further down read {@link #lastReadNs()} and get the arrival time of the
 * bytes that completed their message; several events in one read share one stamp (AIPerf's model).
 *
 * <p>It also stamps on {@code channelInactive}, before the HTTP codec flushes a close-delimited body, so a message
 * completed only by the end of the stream gets the time the end was seen. One instance per channel; the field is
 * confined to the channel's event loop.
 */
final class ReadStamper extends ChannelInboundHandlerAdapter {

    private long lastReadNs;

    long lastReadNs() {
        return lastReadNs;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        lastReadNs = System.nanoTime();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        lastReadNs = System.nanoTime();
        ctx.fireChannelInactive();
    }
}
