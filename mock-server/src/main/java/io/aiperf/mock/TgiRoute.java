package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.Consumer;

/**
 * Hugging Face TGI: {@code POST /generate} answers {@code {"generated_text"}} after ttft + itl·n;
 * {@code POST /generate_stream} streams one token per event on the absolute schedule, each
 * {@code {"index", "token": {"id", "text", "logprob", "special"}, "generated_text", "details"}} with
 * {@code generated_text} set (to the whole text) on the last event only. The body is
 * {@code {"inputs": text, "parameters": {"max_new_tokens", …}}}; other parameters are ignored.
 */
final class TgiRoute extends JsonRoute {

    static final String PATH = "/generate";
    static final String STREAM_PATH = "/generate_stream";

    private final boolean stream;
    private final MockConfig config;

    TgiRoute(boolean stream, MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.stream = stream;
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        JsonNode inputs = body.get("inputs");
        if (inputs == null || !inputs.isTextual()) {
            throw new InferenceRequest.InvalidRequestException("'inputs' must be a string");
        }
        JsonNode parameters = body.path("parameters");
        Integer maxTokens = null;
        JsonNode max = parameters.get("max_new_tokens");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber() || !max.canConvertToInt() || max.intValue() < 0) {
                throw new InferenceRequest.InvalidRequestException("max_new_tokens must be a non-negative integer");
            }
            maxTokens = max.intValue();
        }
        OutputPlan plan = OutputPlan.of(new InferenceRequest(null, stream, false, maxTokens, null, false,
                inputs.asText(), null));
        TokenText text = new TokenText(plan.promptHash());
        long firstTokenAtNs = exchange.arrivalNs() + config.ttftNs();
        traffic().answering(exchange, plan, inputs.asText(), null, config.ttftNs(), config.itlNs(), stream);
        if (stream) {
            new SseResponder(exchange, new SseResponder.Events() {
                @Override
                public ByteBuf token(ByteBufAllocator alloc, int index, String token, boolean last) {
                    return Json.encodeSse(alloc, json -> {
                        json.writeStartObject();
                        json.writeNumberField("index", index);
                        json.writeObjectFieldStart("token");
                        json.writeNumberField("id", index);
                        json.writeStringField("text", token);
                        json.writeNumberField("logprob", 0.0);
                        json.writeBooleanField("special", false);
                        json.writeEndObject();
                        if (last) {
                            json.writeStringField("generated_text", text.join(plan.outputTokens()));
                        } else {
                            json.writeNullField("generated_text");
                        }
                        json.writeNullField("details");
                        json.writeEndObject();
                    });
                }

                @Override
                public void finish(ByteBufAllocator alloc, Consumer<ByteBuf> out) {
                    // TGI ends the stream without a sentinel.
                }
            }, plan, text, firstTokenAtNs, config.itlNs()).countingTo(traffic()).start();
        } else {
            exchange.runAt(firstTokenAtNs + config.itlNs() * plan.outputTokens(), () ->
                    exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
                        json.writeStartObject();
                        json.writeStringField("generated_text", text.join(plan.outputTokens()));
                        json.writeEndObject();
                    })));
        }
    }
}
