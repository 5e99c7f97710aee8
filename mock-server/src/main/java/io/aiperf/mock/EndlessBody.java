package io.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A chunked body with no end: a head, then the same block of bytes again and again, each chunk written once the one
 * before it has gone out (so the mock's memory stays flat however slowly the client reads), until the client closes
 * the connection. What {@link Fault#OVERSIZE} and {@link Fault#ENDLESS_STREAM} send.
 */
final class EndlessBody {

    /** About this many bytes per chunk: large enough that the writer is cheap, small enough to stop promptly. */
    static final int CHUNK_BYTES = 64 * 1024;

    private final Exchange exchange;
    private final ByteBuf block;

    /** @param unit what the body repeats (released here); repeated into one block of about {@link #CHUNK_BYTES} */
    private EndlessBody(Exchange exchange, ByteBuf unit) {
        this.exchange = exchange;
        ByteBufAllocator alloc = exchange.ctx().alloc();
        int copies = Math.max(1, CHUNK_BYTES / Math.max(1, unit.readableBytes()));
        this.block = alloc.buffer(copies * unit.readableBytes());
        for (int i = 0; i < copies; i++) {
            block.writeBytes(unit, unit.readerIndex(), unit.readableBytes());
        }
        unit.release();
        exchange.onFinish(block::release);
    }

    /**
     * Starts the body: {@code head} (released by the write), then {@code unit} repeated forever. The headers must
     * have been sent.
     */
    static void start(Exchange exchange, ByteBuf head, ByteBuf unit) {
        EndlessBody body = new EndlessBody(exchange, unit);
        exchange.writeChunk(head, body::next);
    }

    private void next() {
        exchange.writeChunk(block.retainedDuplicate(), this::next);
    }
}
