package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code POST /v1/embeddings}: one deterministic {@value #DIMENSIONS}-dimension unit vector per input (seeded by
 * the input's hash), answered after base + per-input latency. {@code input} may be a string or a list of strings;
 * a chat body ({@code messages}, vLLM's multimodal embeddings) counts as one input.
 */
final class EmbeddingsRoute extends JsonRoute {

    static final String PATH = "/v1/embeddings";
    static final int DIMENSIONS = 768;

    private final MockConfig config;

    EmbeddingsRoute(MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        List<String> inputs = new ArrayList<>();
        JsonNode input = body.get("input");
        if (input != null && input.isTextual()) {
            inputs.add(input.asText());
        } else if (input != null && input.isArray()) {
            for (JsonNode item : input) {
                inputs.add(item.isTextual() ? item.asText() : item.toString());
            }
        } else if (body.path("messages").isArray()) {
            inputs.add(body.get("messages").toString());
        } else {
            throw new InferenceRequest.InvalidRequestException("'input' must be a string or a list");
        }
        if (inputs.isEmpty()) {
            throw new InferenceRequest.InvalidRequestException("'input' must not be empty");
        }
        String model = body.path("model").isTextual() ? body.get("model").asText() : ModelsRoute.MODEL_ID;
        int promptTokens = 0;
        for (String text : inputs) {
            promptTokens += Math.max(1, (text.length() + 3) / 4);
        }
        int usageTokens = promptTokens;
        exchange.runAt(exchange.arrivalNs() + config.embeddingLatencyNs(inputs.size()), () ->
                exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
                    json.writeStartObject();
                    json.writeStringField("object", "list");
                    json.writeArrayFieldStart("data");
                    for (int i = 0; i < inputs.size(); i++) {
                        json.writeStartObject();
                        json.writeStringField("object", "embedding");
                        json.writeNumberField("index", i);
                        json.writeArrayFieldStart("embedding");
                        for (double v : vector(inputs.get(i))) {
                            json.writeNumber((float) v);
                        }
                        json.writeEndArray();
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeStringField("model", model);
                    json.writeObjectFieldStart("usage");
                    json.writeNumberField("prompt_tokens", usageTokens);
                    json.writeNumberField("total_tokens", usageTokens);
                    json.writeEndObject();
                    json.writeEndObject();
                })));
    }

    /** A unit vector that depends only on the text. */
    static double[] vector(String text) {
        SplittableRandom random = new SplittableRandom(OutputPlan.hash(text));
        double[] v = new double[DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] = random.nextDouble(-1, 1);
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < DIMENSIONS; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
