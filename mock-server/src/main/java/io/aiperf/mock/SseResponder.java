package io.aiperf.mock;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Streams one response as server-sent events, one token per event, on an absolute schedule: token {@code i}
 * is written at {@code firstTokenAtNs + i * itlNs}. Each wake-up writes every token that is due, so a late
 * wake-up catches up instead of pushing all later tokens back.
 *
 * <p>Runs on the connection's event loop only. If the connection closes, the {@link Exchange} ends and its
 * pending timer is cancelled, which stops the stream.
 */
final class SseResponder {

    // Bounds the work done in one event-loop turn (relevant in fast mode, where every token is due at once).
    private static final int MAX_EVENTS_PER_TURN = 64;
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    /** The wire format of the events: one per token, then whatever ends the stream. */
    interface Events {
        /** The event carrying token {@code index}; {@code last} on the final one. */
        ByteBuf token(ByteBufAllocator alloc, int index, String text, boolean last);

        /** Writes the events that follow the last token (usage, {@code [DONE]}, …). */
        void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out);
    }

    private final Exchange exchange;
    private final Events format;
    private final OutputPlan plan;
    private final TokenText text;
    private final long firstTokenAtNs;
    private final long itlNs;
    /** Token events to send; a zero-token answer still sends one empty event to carry the finish reason. */
    private final int events;
    private int next;

    /** OpenAI chat/completions chunks, an optional usage chunk, then {@code [DONE]}. */
    SseResponder(Exchange exchange, CompletionJson json, OutputPlan plan, TokenText text, boolean includeUsage,
                 long firstTokenAtNs, long itlNs) {
        this(exchange, new Events() {
            @Override
            public ByteBuf token(ByteBufAllocator alloc, int index, String token, boolean last) {
                return json.tokenChunk(alloc, token, index == 0, last ? plan.finishReason() : null);
            }

            @Override
            public void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out) {
                if (includeUsage) {
                    out.accept(json.usageChunk(alloc, plan.promptTokens(), plan.outputTokens()));
                }
                out.accept(alloc.buffer(DONE.length).writeBytes(DONE));
            }
        }, plan, text, firstTokenAtNs, itlNs);
    }

    SseResponder(Exchange exchange, Events format, OutputPlan plan, TokenText text, long firstTokenAtNs,
                 long itlNs) {
        this.exchange = exchange;
        this.format = format;
        this.plan = plan;
        this.text = text;
        this.firstTokenAtNs = firstTokenAtNs;
        this.itlNs = itlNs;
        this.events = Math.max(1, plan.outputTokens());
    }

    void start() {
        exchange.startEventStream();
        exchange.runAt(deadlineNs(0), this::writeDue);
    }

    private long deadlineNs(int index) {
        return firstTokenAtNs + index * itlNs;
    }

    private void writeDue() {
        if (!exchange.isActive()) {
            return;
        }
        long now = System.nanoTime();
        int written = 0;
        while (next < events && deadlineNs(next) <= now && written < MAX_EVENTS_PER_TURN) {
            writeToken(next++);
            written++;
        }
        if (next < events) {
            exchange.runAt(deadlineNs(next), this::writeDue);
        } else {
            finish();
        }
    }

    private void writeToken(int index) {
        String token = plan.outputTokens() == 0 ? "" : text.token(index);
        exchange.writeEvent(format.token(alloc(), index, token, index == events - 1));
    }

    private void finish() {
        format.finish(alloc(), exchange::writeEvent);
        exchange.endEventStream();
    }

    private ByteBufAllocator alloc() {
        return exchange.ctx().alloc();
    }
}
