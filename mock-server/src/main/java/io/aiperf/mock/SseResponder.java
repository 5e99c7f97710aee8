package io.aiperf.mock;

import io.netty.buffer.ByteBuf;
import java.util.function.Consumer;

import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * Streams one response as server-sent events, one token per event, on an absolute schedule: token {@code i}
 * is written at {@code firstTokenAtNs + i * itlNs}. Each wake-up writes every token that is due, so a late
 * wake-up catches up instead of pushing all later tokens back. Reasoning tokens, when the plan has any, come first
 * and take the first places in the schedule, so the time to first token is that of the first reasoning token.
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
        /** The event carrying output token {@code index} (0-based after any reasoning); {@code last} on the final one. */
        ByteBuf token(ByteBufAllocator alloc, int index, String text, boolean last);

        /** The event carrying reasoning token {@code index}; only formats whose plans have reasoning need it. */
        default ByteBuf reasoning(ByteBufAllocator alloc, int index, String text) {
            throw new IllegalStateException("this format has no reasoning events");
        }

        /** Writes the events that follow the last token (usage, {@code [DONE]}, …). */
        void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out);
    }

    private final Exchange exchange;
    private final Events format;
    private final OutputPlan plan;
    private final TokenText text;
    private final TokenText reasoningText;
    private final long firstTokenAtNs;
    private final long itlNs;
    /**
     * Token events to send: the reasoning tokens, then the output tokens; a zero-token answer still sends one empty
     * event to carry the finish reason.
     */
    private final int events;
    private int next;
    /** Event index at which {@link #interruption} replaces the rest of the stream; -1 for none. */
    private int interruptAt = -1;
    private Runnable interruption;
    /** Where written tokens are counted, once per wake-up; null: not counted (injected faults' streams). */
    private ServedTraffic traffic;
    private long tokensCounted;

    /** OpenAI chat/completions chunks, an optional usage chunk, then {@code [DONE]}. */
    SseResponder(Exchange exchange, CompletionJson json, OutputPlan plan, TokenText text, boolean includeUsage,
                 int usageTokenOffset, long firstTokenAtNs, long itlNs) {
        this(exchange, new Events() {
            @Override
            public ByteBuf token(ByteBufAllocator alloc, int index, String token, boolean last) {
                boolean first = index == 0 && plan.reasoningTokens() == 0;
                return json.tokenChunk(alloc, token, first, last ? plan.finishReason() : null);
            }

            @Override
            public ByteBuf reasoning(ByteBufAllocator alloc, int index, String token) {
                return json.reasoningChunk(alloc, token, index == 0);
            }

            @Override
            public void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out) {
                if (includeUsage) {
                    out.accept(json.usageChunk(alloc, plan.usage(usageTokenOffset)));
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
        this.reasoningText = plan.reasoningTokens() > 0 ? TokenText.reasoning(plan.promptHash()) : null;
        this.firstTokenAtNs = firstTokenAtNs;
        this.itlNs = itlNs;
        // long sum: an ignore_eos request may ask for Integer.MAX_VALUE tokens on top of the reasoning.
        this.events = (int) Math.min(Integer.MAX_VALUE, plan.reasoningTokens() + Math.max(1L, plan.outputTokens()));
    }

    /**
     * Makes the stream stop halfway (after half its token events, at least one) and run {@code action} instead of
     * the rest, on the schedule of the first event it replaces: how injected faults break a stream mid-way.
     */
    SseResponder interruptHalfway(Runnable action) {
        this.interruptAt = Math.max(1, events / 2);
        this.interruption = action;
        return this;
    }

    /** Counts this stream's generated tokens into {@code traffic} as they are written. */
    SseResponder countingTo(ServedTraffic traffic) {
        this.traffic = traffic;
        return this;
    }

    void start() {
        // The token events plus the few that end a stream (usage, done, …): one stamp array, never regrown.
        exchange.expectEvents(events + 4);
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
            if (next == interruptAt) {
                interruption.run();
                return;
            }
            writeToken(next++);
            written++;
        }
        // One add per wake-up, not per token; a zero-token answer's one empty event generated nothing.
        if (traffic != null && written > 0) {
            long tokens = Math.min(written, plan.generatedTokens() - tokensCounted);
            if (tokens > 0) {
                traffic.generated(tokens);
                tokensCounted += tokens;
            }
        }
        if (next < events) {
            exchange.runAt(deadlineNs(next), this::writeDue);
        } else {
            finish();
        }
    }

    private void writeToken(int event) {
        int reasoning = plan.reasoningTokens();
        if (event < reasoning) {
            exchange.writeEvent(format.reasoning(alloc(), event, reasoningText.token(event)));
            return;
        }
        int index = event - reasoning;
        String token = plan.outputTokens() == 0 ? "" : text.token(index);
        exchange.writeEvent(format.token(alloc(), index, token, event == events - 1));
    }

    private void finish() {
        format.finish(alloc(), exchange::writeEvent);
        exchange.endEventStream();
    }

    private ByteBufAllocator alloc() {
        return exchange.ctx().alloc();
    }
}
