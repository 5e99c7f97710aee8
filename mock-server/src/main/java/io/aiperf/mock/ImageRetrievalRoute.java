package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * {@code POST /v1/infer} and {@code /v1/image/infer} (NIM image retrieval; AIPerf's mock answers the second, AIPerf's
 * endpoint defaults to the first): {@code input} is a list of {@code {type: image_url, url}} items; the answer has
 * one {@code data} entry per image (a fixed bounding box), after base + per-image latency
 * ({@code --image-retrieval-base-latency}, {@code --image-retrieval-per-image-latency}).
 */
final class ImageRetrievalRoute extends JsonRoute {

    static final String PATH = "/v1/infer";
    static final String MOCK_PATH = "/v1/image/infer";

    private final MockConfig config;

    ImageRetrievalRoute(MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        JsonNode input = body.get("input");
        if (input == null || !input.isArray() || input.isEmpty()) {
            throw new InferenceRequest.InvalidRequestException("'input' must be a non-empty list of images");
        }
        for (JsonNode item : input) {
            if (!item.path("url").isTextual() || !item.get("url").asText().startsWith("data:image/")) {
                throw new InferenceRequest.InvalidRequestException(
                        "every 'input' item needs a 'url' holding an image data URL");
            }
        }
        int images = input.size();
        exchange.runAt(exchange.arrivalNs() + config.imageRetrievalLatencyNs(images), () ->
                exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
                    json.writeStartObject();
                    json.writeArrayFieldStart("data");
                    for (int i = 0; i < images; i++) {
                        json.writeStartObject();
                        json.writeNumberField("index", i);
                        json.writeObjectFieldStart("bounding_boxes");
                        json.writeArrayFieldStart("chart");
                        json.writeStartObject();
                        json.writeNumberField("x_min", 0.1);
                        json.writeNumberField("y_min", 0.1);
                        json.writeNumberField("x_max", 0.9);
                        json.writeNumberField("y_max", 0.9);
                        json.writeNumberField("confidence", 0.95);
                        json.writeEndObject();
                        json.writeEndArray();
                        json.writeEndObject();
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                })));
    }
}
