package io.aiperf.mock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An OpenAI chat/completions answer broken by an injected {@link Fault}, on the normal timing: a streamed fault
 * strikes where the stream's middle token would have gone, a whole answer arrives when a good one would have.
 */
final class FaultyAnswer {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_FIELD = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BARE_DONE = "[DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    /** An {@code event: error} block: AIPerf takes its message from the comment line. */
    private static final byte[] SSE_ERROR = ("event: error\n: " + Fault.MESSAGE + "\ndata: {\"error\":{\"message\":\""
            + Fault.MESSAGE + "\",\"type\":\"server_error\",\"code\":500}}\n\n").getBytes(StandardCharsets.UTF_8);

    private final Exchange exchange;
    private final MockConfig config;
    private final InferenceRequest request;
    private final OutputPlan plan;
    private final CompletionJson json;
    private final long firstTokenAtNs;

    FaultyAnswer(Exchange exchange, MockConfig config, Endpoint endpoint, InferenceRequest request, String id) {
        this.exchange = exchange;
        this.config = config;
        this.request = request;
        this.plan = OutputPlan.of(request);
        String model = request.model() != null ? request.model() : ModelsRoute.MODEL_ID;
        this.json = new CompletionJson(endpoint, id, System.currentTimeMillis() / 1000, model);
        this.firstTokenAtNs = exchange.arrivalNs() + config.ttftNs();
    }

    void answer(Fault fault) {
        if (request.stream()) {
            stream(fault);
        } else {
            whole(fault);
        }
    }

    private void stream(Fault fault) {
        if (fault == Fault.EMPTY_CHOICES || fault == Fault.EMPTY_CONTENT) {
            exchange.startEventStream();
            exchange.runAt(firstTokenAtNs, () -> {
                exchange.writeEvent(fault == Fault.EMPTY_CHOICES
                        ? json.usageChunk(alloc(), emptyUsage())
                        : json.tokenChunk(alloc(), "", true, "stop"));
                exchange.writeEvent(alloc().buffer(DONE.length).writeBytes(DONE));
                exchange.endEventStream();
            });
            return;
        }
        if (fault == Fault.ENDLESS_STREAM) {
            exchange.startEventStream();
            exchange.runAt(firstTokenAtNs, () -> EndlessBody.start(exchange,
                    json.tokenChunk(alloc(), "the", true, null), json.tokenChunk(alloc(), " the", false, null)));
            return;
        }
        if (fault == Fault.MALFORMED_SSE) {
            streamWithoutFieldNames();
            return;
        }
        Runnable strike;
        if (fault == Fault.SSE_ERROR) {
            strike = () -> {
                exchange.writeEvent(alloc().buffer(SSE_ERROR.length).writeBytes(SSE_ERROR));
                exchange.endEventStream();
            };
        } else if (fault == Fault.MALFORMED_JSON) {
            strike = () -> {
                exchange.writeEvent(json.truncatedChunk(alloc()));
                exchange.endEventStream();
            };
        } else if (fault == Fault.RESET) {
            strike = exchange::reset;
        } else {
            throw new IllegalArgumentException("not a stream fault: " + fault);
        }
        new SseResponder(exchange, json, plan, new TokenText(plan.promptHash()), false, 0, firstTokenAtNs,
                config.itlNs()).interruptHalfway(strike).start();
    }

    /** The normal stream with every line's {@code data: } cut off: JSON lines that no SSE parser takes as data. */
    private void streamWithoutFieldNames() {
        SseResponder.Events bare = new SseResponder.Events() {
            @Override
            public ByteBuf token(ByteBufAllocator alloc, int index, String text, boolean last) {
                return withoutFieldName(json.tokenChunk(alloc, text, index == 0, last ? plan.finishReason() : null));
            }

            @Override
            public void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out) {
                out.accept(alloc.buffer(BARE_DONE.length).writeBytes(BARE_DONE));
            }
        };
        new SseResponder(exchange, bare, plan, new TokenText(plan.promptHash()), firstTokenAtNs, config.itlNs())
                .start();
    }

    private static ByteBuf withoutFieldName(ByteBuf event) {
        return event.skipBytes(DATA_FIELD.length);
    }

    private void whole(Fault fault) {
        long readyAtNs = firstTokenAtNs + config.itlNs() * plan.generatedTokens();
        exchange.runAt(readyAtNs, () -> {
            ByteBuf body;
            if (fault == Fault.MALFORMED_JSON) {
                body = json.truncatedResponse(alloc());
            } else if (fault == Fault.EMPTY_CHOICES) {
                body = json.noChoicesResponse(alloc(), emptyUsage());
            } else if (fault == Fault.EMPTY_CONTENT) {
                body = json.fullResponse(alloc(), "", null, "stop", emptyUsage());
            } else {
                throw new IllegalArgumentException("not a whole-answer fault: " + fault);
            }
            exchange.respondJson(HttpResponseStatus.OK, body);
        });
    }

    /** The usage of an answer that produced nothing: the prompt was read, no token came out. */
    private OutputPlan.Usage emptyUsage() {
        return new OutputPlan.Usage(plan.promptTokens(), 0, 0);
    }

    private ByteBufAllocator alloc() {
        return exchange.ctx().alloc();
    }
}
