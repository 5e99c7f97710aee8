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
 */
final class ResponsesRoute extends JsonRoute {

    static final String PATH = "/v1/responses";

    private final MockConfig config;

    ResponsesRoute(MockConfig config, RequestLog requestLog, ErrorInjector errors) {
        super(requestLog, errors);
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
        OutputPlan plan = OutputPlan.of(new InferenceRequest(model, stream, false, maxTokens, null, false,
                prompt.toString()));
        TokenText text = new TokenText(plan.promptHash());
        String id = "resp_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        long createdS = System.currentTimeMillis() / 1000;
        long firstTokenAtNs = exchange.arrivalNs() + config.ttftNs();
        if (stream) {
            new SseResponder(exchange, new SseResponder.Events() {
                @Override
                public ByteBuf token(ByteBufAllocator alloc, int index, String token, boolean last) {
                    ByteBuf delta = Json.encodeSse(alloc, json -> {
                        json.writeStartObject();
                        json.writeStringField("type", "response.output_text.delta");
                        json.writeStringField("item_id", "msg_" + id);
                        json.writeNumberField("output_index", 0);
                        json.writeNumberField("content_index", 0);
                        json.writeStringField("delta", token);
                        json.writeEndObject();
                    });
                    if (index != 0) {
                        return delta;
                    }
                    ByteBuf created = Json.encodeSse(alloc, json -> {
                        json.writeStartObject();
                        json.writeStringField("type", "response.created");
                        json.writeFieldName("response");
                        response(json, id, createdS, model, "in_progress", null, plan, false);
                        json.writeEndObject();
                    });
                    created.writeBytes(delta);
                    delta.release();
                    return created;
                }

                @Override
                public void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out) {
                    String whole = text.join(plan.outputTokens());
                    out.accept(Json.encodeSse(alloc, json -> {
                        json.writeStartObject();
                        json.writeStringField("type", "response.output_text.done");
                        json.writeStringField("item_id", "msg_" + id);
                        json.writeNumberField("output_index", 0);
                        json.writeNumberField("content_index", 0);
                        json.writeStringField("text", whole);
                        json.writeEndObject();
                    }));
                    out.accept(Json.encodeSse(alloc, json -> {
                        json.writeStartObject();
                        json.writeStringField("type", "response.completed");
                        json.writeFieldName("response");
                        response(json, id, createdS, model, "completed", whole, plan, true);
                        json.writeEndObject();
                    }));
                }
            }, plan, text, firstTokenAtNs, config.itlNs()).start();
        } else {
            exchange.runAt(firstTokenAtNs + config.itlNs() * plan.outputTokens(), () ->
                    exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json ->
                            response(json, id, createdS, model, "completed", text.join(plan.outputTokens()), plan,
                                    true))));
        }
    }

    /** A {@code response} object; {@code text} null writes an empty output list. */
    private static void response(JsonGenerator json, String id, long createdS, String model, String status,
                                 String text, OutputPlan plan, boolean withUsage) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("object", "response");
        json.writeNumberField("created_at", createdS);
        json.writeStringField("status", status);
        json.writeStringField("model", model);
        json.writeArrayFieldStart("output");
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
            json.writeNumberField("input_tokens", plan.promptTokens());
            json.writeNumberField("output_tokens", plan.outputTokens());
            json.writeNumberField("total_tokens", (long) plan.promptTokens() + plan.outputTokens());
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
