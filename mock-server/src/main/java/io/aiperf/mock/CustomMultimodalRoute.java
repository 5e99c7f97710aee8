package io.aiperf.mock;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A made-up multimodal API for template-endpoint tests, {@code POST /v1/custom-multimodal}:
 * <pre>{"modality_bundle": {"text": [..], "images": [..], "audios": [..], "videos": [..]},
 *  "inference_params": {"model_id": .., "max_tokens": ..}}</pre>
 * AIPerf mock's own names are accepted too ({@code text_fragments}, {@code visual_assets.images/videos},
 * {@code audio_streams}). Texts are strings; images and videos are URLs or {@code data:} URLs; audio clips are
 * {@code "<format>,<base64>"} or {@code data:audio/...} URLs; anything else is a 400, so a test learns when a
 * template sent the wrong shape.
 *
 * <p>Answered after ttft + itl·n, n drawn from the joined texts as for a chat request capped by
 * {@code max_tokens}: {@code {"text", "completion": {"generated_text", "metadata": {"tokens_used"}},
 * "received": {"texts", "images", "audios", "videos"}, "usage"}}.
 */
final class CustomMultimodalRoute extends JsonRoute {

    static final String PATH = "/v1/custom-multimodal";

    private final MockConfig config;

    CustomMultimodalRoute(MockConfig config, RequestLog requestLog, FaultInjector faults, ServedTraffic traffic) {
        super(requestLog, faults, traffic);
        this.config = config;
    }

    @Override
    void answer(Exchange exchange, JsonNode body) throws InferenceRequest.InvalidRequestException {
        JsonNode bundle = body.get("modality_bundle");
        if (bundle == null || !bundle.isObject()) {
            throw new InferenceRequest.InvalidRequestException("'modality_bundle' must be an object");
        }
        JsonNode visual = bundle.path("visual_assets");
        StringBuilder prompt = new StringBuilder();
        int texts = each(either(bundle.get("text"), bundle.get("text_fragments")), "text", value -> {
            if (prompt.length() > 0) {
                prompt.append(' ');
            }
            prompt.append(value);
        });
        if (texts == 0) {
            throw new InferenceRequest.InvalidRequestException("'modality_bundle.text' must hold at least one text");
        }
        int images = each(either(bundle.get("images"), visual.get("images")), "images", value ->
                requireUrl(value, "data:image/", "images"));
        int videos = each(either(bundle.get("videos"), visual.get("videos")), "videos", value ->
                requireUrl(value, "data:video/", "videos"));
        int audios = each(either(bundle.get("audios"), bundle.get("audio_streams")), "audios",
                CustomMultimodalRoute::requireAudio);
        JsonNode params = body.path("inference_params");
        Integer maxTokens = params.path("max_tokens").canConvertToInt() && params.path("max_tokens").intValue() > 0
                ? params.get("max_tokens").intValue() : null;
        OutputPlan plan = OutputPlan.of(new InferenceRequest(null, false, false, maxTokens, null, false,
                prompt.toString(), null));
        TokenText text = new TokenText(plan.promptHash());
        traffic().answering(exchange, plan, prompt.toString(), null, config.ttftNs(), config.itlNs(), false);
        exchange.runAt(exchange.arrivalNs() + config.ttftNs() + config.itlNs() * plan.outputTokens(), () -> {
            String answer = text.join(plan.outputTokens());
            exchange.respondJson(HttpResponseStatus.OK, Json.encode(exchange.ctx().alloc(), json -> {
                json.writeStartObject();
                json.writeStringField("text", answer);
                json.writeObjectFieldStart("completion");
                json.writeStringField("generated_text", answer);
                json.writeObjectFieldStart("metadata");
                json.writeObjectFieldStart("tokens_used");
                json.writeNumberField("input", plan.promptTokens());
                json.writeNumberField("output", plan.outputTokens());
                json.writeNumberField("total", plan.promptTokens() + plan.outputTokens());
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeObjectFieldStart("received");
                json.writeNumberField("texts", texts);
                json.writeNumberField("images", images);
                json.writeNumberField("audios", audios);
                json.writeNumberField("videos", videos);
                json.writeEndObject();
                json.writeObjectFieldStart("usage");
                json.writeNumberField("prompt_tokens", plan.promptTokens());
                json.writeNumberField("completion_tokens", plan.outputTokens());
                json.writeNumberField("total_tokens", plan.promptTokens() + plan.outputTokens());
                json.writeEndObject();
                json.writeEndObject();
            }));
        });
    }

    private interface Check {
        void accept(String value) throws InferenceRequest.InvalidRequestException;
    }

    private static JsonNode either(JsonNode a, JsonNode b) {
        return a != null && !a.isNull() ? a : b;
    }

    /** Checks every string of a list (a lone string counts as a list of one); returns how many there were. */
    private static int each(JsonNode list, String name, Check check) throws InferenceRequest.InvalidRequestException {
        if (list == null || list.isNull() || list.isMissingNode()) {
            return 0;
        }
        if (list.isTextual()) {
            check.accept(list.textValue());
            return 1;
        }
        if (!list.isArray()) {
            throw new InferenceRequest.InvalidRequestException("'" + name + "' must be a list of strings");
        }
        for (JsonNode item : list) {
            if (!item.isTextual()) {
                throw new InferenceRequest.InvalidRequestException("'" + name + "' must be a list of strings");
            }
            check.accept(item.textValue());
        }
        return list.size();
    }

    private static void requireUrl(String value, String dataPrefix, String name)
            throws InferenceRequest.InvalidRequestException {
        boolean data = value.startsWith(dataPrefix) && value.contains(";base64,");
        if (!data && !value.startsWith("http://") && !value.startsWith("https://")) {
            throw new InferenceRequest.InvalidRequestException("'" + name + "' entries must be URLs or "
                    + dataPrefix + "...;base64, data URLs");
        }
    }

    private static void requireAudio(String value) throws InferenceRequest.InvalidRequestException {
        int comma = value.indexOf(',');
        boolean dataUrl = value.startsWith("data:audio/") && value.contains(";base64,");
        if (!dataUrl && (comma <= 0 || comma == value.length() - 1)) {
            throw new InferenceRequest.InvalidRequestException("'audios' entries must be \"<format>,<base64>\" or"
                    + " data:audio/...;base64, URLs");
        }
    }
}
