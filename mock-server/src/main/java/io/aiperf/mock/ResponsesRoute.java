package io.aiperf.mock;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * OpenAI Responses API, {@code POST /v1/responses} (AIPerf's own mock has no such route; ours follows the public
 * API shape). Body: {@code input} (a string, or items whose {@code content} is a string or parts with
 * {@code text}), {@code model}, {@code stream}, {@code max_output_tokens}.
 *
 * <p>Streaming: {@code response.created}, then one {@code response.output_text.delta} per token on the absolute
 * schedule (the first one in the same chunk as {@code response.created}), then {@code response.output_text.done}
 * and {@code response.completed} carrying {@code usage}. Non-streaming: a {@code response} object after
 * ttft + itl·n with one message output item.
 *
 * <p>Reasoning ({@link Reasoning}; the effort is {@code reasoning.effort} or a top-level {@code reasoning_effort}):
 * streamed first as {@code response.reasoning_text.delta} events on the same schedule, closed by
 * {@code response.reasoning_text.done} before the first text delta; a whole response gets an
 * {@code output[type=reasoning].summary[type=summary_text]} item before the message. Usage then reports
 * {@code output_tokens} including them and {@code output_tokens_details.reasoning_tokens}.
 */
final class ResponsesRoute extends JsonRoute {

    static final String PATH = "/v1/responses";

    private final MockConfig config;

    ResponsesRoute(MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        JsonNode input = body.get("input");
        if (input == null || !(input.isTextual() || input.isArray())) {
            throw new InferenceRequest.InvalidRequestException("'input' must be a string or a list of items");
        }
        StringBuilder prompt = new StringBuilder();
        if (input.isTextual()) {
            prompt.append(input.asText());
        } else {
            for (JsonNode item : input) {
                JsonNode content = item.path("content");
                if (content.isTextual()) {
                    prompt.append(content.asText());
                } else {
                    for (JsonNode part : content) {
                        if (part.path("text").isTextual()) {
                            prompt.append(part.get("text").asText());
                        }
                    }
                }
            }
        }
        Integer maxTokens = null;
        JsonNode max = body.get("max_output_tokens");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || !max.canConvertToInt() || max.intValue() < 0) {
                throw new InferenceRequest.InvalidRequestException("max_output_tokens must be a non-negative integer");
            }
            maxTokens = max.intValue();
        }
        boolean stream = body.path("stream").asBoolean(false);
        String model = body.path("model").isTextual() ? body.get("model").asText() : ModelsRoute.MODEL_ID;
        InferenceRequest request = new InferenceRequest(model, stream, false, maxTokens, null, false,
                prompt.toString(), InferenceRequest.reasoningEffort(body));
        OutputPlan plan = OutputPlan.of(request)
                .withReasoning(Reasoning.tokens(config, model, request.reasoningEffort()));
        TokenText text = new TokenText(plan.promptHash());
        TokenText reasoningText = TokenText.reasoning(plan.promptHash());
        Answer answer = new Answer("resp_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1),
                System.currentTimeMillis() / 1000, model, plan, plan.usage(config.usageTokenOffset()));
        long firstTokenAtNs = exchange.arrivalNs() + config.ttftNs();
        traffic().answering(exchange, plan, request.promptText(), model, config.ttftNs(), config.itlNs(), stream);
        if (stream) {
            new SseResponder(exchange, new StreamEvents(answer, text, reasoningText), plan, text, firstTokenAtNs,
                    config.itlNs()).countingTo(traffic()).start();
        } else {
            String reasoning = plan.reasoningTokens() > 0 ? reasoningText.join(plan.reasoningTokens()) : null;
            exchange.runAt(firstTokenAtNs + config.itlNs() * plan.generatedTokens(), () ->
                    exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json ->
                            answer.write(json, "completed", reasoning, text.join(plan.outputTokens()), true))));
        }
    }

    /**
     * The events of one streamed answer. The first event (reasoning or text) also carries {@code response.created};
     * the first text event after reasoning also carries {@code response.reasoning_text.done}.
     */
    private static final class StreamEvents implements SseResponder.Events {

        private final Answer answer;
        private final TokenText text;
        private final TokenText reasoningText;
        /** Output index of the message item: 1 when a reasoning item precedes it. */
        private final int messageIndex;

        StreamEvents(Answer answer, TokenText text, TokenText reasoningText) {
            this.answer = answer;
            this.text = text;
            this.reasoningText = reasoningText;
            this.messageIndex = answer.plan.reasoningTokens() > 0 ? 1 : 0;
        }

        @Override
        public ByteBuf reasoning(ByteBufAllocator alloc, int index, String token) {
            ByteBuf delta = delta(alloc, "response.reasoning_text.delta", "rs_", 0, "delta", token);
            return index == 0 ? prepend(alloc, created(alloc), delta) : delta;
        }

        @Override
        public ByteBuf token(ByteBufAllocator alloc, int index, String token, boolean last) {
            ByteBuf delta = delta(alloc, "response.output_text.delta", "msg_", messageIndex, "delta", token);
            if (index != 0) {
                return delta;
            }
            int reasoning = answer.plan.reasoningTokens();
            ByteBuf before = reasoning == 0 ? created(alloc) : delta(alloc, "response.reasoning_text.done", "rs_", 0,
                    "text", reasoningText.join(reasoning));
            return prepend(alloc, before, delta);
        }

        @Override
        public void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out) {
            String whole = text.join(answer.plan.outputTokens());
            out.accept(delta(alloc, "response.output_text.done", "msg_", messageIndex, "text", whole));
            int reasoning = answer.plan.reasoningTokens();
            String reasoningWhole = reasoning > 0 ? reasoningText.join(reasoning) : null;
            out.accept(Json.encodeSse(alloc, json -> {
                json.writeStartObject();
                json.writeStringField("type", "response.completed");
                json.writeFieldName("response");
                answer.write(json, "completed", reasoningWhole, whole, true);
                json.writeEndObject();
            }));
        }

        private ByteBuf created(ByteBufAllocator alloc) {
            return Json.encodeSse(alloc, json -> {
                json.writeStartObject();
                json.writeStringField("type", "response.created");
                json.writeFieldName("response");
                answer.write(json, "in_progress", null, null, false);
                json.writeEndObject();
            });
        }

        /** A text event of one output item: {@code field} is {@code delta} for a delta, {@code text} when done. */
        private ByteBuf delta(ByteBufAllocator alloc, String type, String itemPrefix, int outputIndex, String field,
                              String value) {
            return Json.encodeSse(alloc, json -> {
                json.writeStartObject();
                json.writeStringField("type", type);
                json.writeStringField("item_id", itemPrefix + answer.id);
                json.writeNumberField("output_index", outputIndex);
                json.writeNumberField("content_index", 0);
                json.writeStringField(field, value);
                json.writeEndObject();
            });
        }

        private static ByteBuf prepend(ByteBufAllocator alloc, ByteBuf first, ByteBuf second) {
            first.writeBytes(second);
            second.release();
            return first;
        }
    }

    /** What every {@code response} object of one answer repeats. */
    private record Answer(String id, long createdS, String model, OutputPlan plan, OutputPlan.Usage usage) {

        /**
         * A {@code response} object: a reasoning item when {@code reasoning} is set, a message item when
         * {@code text} is set (both null for an in-progress response), and the usage when asked.
         */
        void write(JsonGenerator json, String status, String reasoning, String text, boolean withUsage)
                throws IOException {
            json.writeStartObject();
            json.writeStringField("id", id);
            json.writeStringField("object", "response");
            json.writeNumberField("created_at", createdS);
            json.writeStringField("status", status);
            json.writeStringField("model", model);
            json.writeArrayFieldStart("output");
            if (reasoning != null) {
                json.writeStartObject();
                json.writeStringField("type", "reasoning");
                json.writeStringField("id", "rs_" + id);
                json.writeArrayFieldStart("summary");
                json.writeStartObject();
                json.writeStringField("type", "summary_text");
                json.writeStringField("text", reasoning);
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            if (text != null) {
                json.writeStartObject();
                json.writeStringField("type", "message");
                json.writeStringField("id", "msg_" + id);
                json.writeStringField("status", "completed");
                json.writeStringField("role", "assistant");
                json.writeArrayFieldStart("content");
                json.writeStartObject();
                json.writeStringField("type", "output_text");
                json.writeStringField("text", text);
                json.writeArrayFieldStart("annotations");
                json.writeEndArray();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            if (withUsage) {
                json.writeObjectFieldStart("usage");
                json.writeNumberField("input_tokens", usage.prompt());
                json.writeNumberField("output_tokens", usage.completion());
                json.writeNumberField("total_tokens", usage.prompt() + usage.completion());
                if (usage.reasoning() > 0) {
                    json.writeObjectFieldStart("output_tokens_details");
                    json.writeNumberField("reasoning_tokens", usage.reasoning());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndObject();
        }
    }
}
