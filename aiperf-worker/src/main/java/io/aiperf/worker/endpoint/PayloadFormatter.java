package io.aiperf.worker.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.EndpointConfig;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders the request body of one single-turn request, the way AIPerf's endpoint plugins do.
 *
 * <p>Key order is fixed and the output is compact JSON, so the same inputs always give the same bytes (the
 * controller pre-renders payloads and also writes them to {@code inputs.json}):
 * <ul>
 *   <li>chat: {@code messages, model, stream}, then {@code max_completion_tokens} (or {@code max_tokens} with
 *       {@code useLegacyMaxTokens}) when {@code maxTokens != null}, then
 *       {@code stream_options: {"include_usage": true}} when streaming with {@code useServerTokenCount};</li>
 *   <li>completions: {@code prompt: [prompt], model, stream}, then {@code max_tokens} (always this name), then the
 *       same {@code stream_options} rule.</li>
 * </ul>
 * {@code extraInputs} are merged last at the top level and win: a key that already exists keeps its position and
 * takes the extra value (Python {@code dict.update} semantics), a new key is appended.
 *
 * <p>Thread-safe and stateless; cold path (called once per dataset turn, not per request).
 */
public final class PayloadFormatter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PayloadFormatter() {
    }

    /**
     * @param cfg       the endpoint (type, streaming, max-tokens naming, server token count, extra inputs)
     * @param prompt    the user message text
     * @param maxTokens the turn's output length limit, or null to send none
     * @param model     the model for this turn, or null for {@link EndpointConfig#primaryModel()}
     * @return the compact JSON body
     */
    public static String format(EndpointConfig cfg, String prompt, Integer maxTokens, String model) {
        ObjectNode body = MAPPER.createObjectNode();
        String modelName = model != null ? model : cfg.primaryModel();
        switch (cfg.type()) {
            case CHAT -> {
                ObjectNode message = body.putArray("messages").addObject();
                message.put("role", "user");
                message.put("content", prompt);
                body.put("model", modelName);
                body.put("stream", cfg.streaming());
                if (maxTokens != null) {
                    body.put(cfg.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", maxTokens.intValue());
                }
            }
            case COMPLETIONS -> {
                body.putArray("prompt").add(prompt);
                body.put("model", modelName);
                body.put("stream", cfg.streaming());
                if (maxTokens != null) {
                    body.put("max_tokens", maxTokens.intValue());
                }
            }
        }
        if (cfg.streaming() && cfg.useServerTokenCount()) {
            body.putObject("stream_options").put("include_usage", true);
        }
        for (Map.Entry<String, Object> extra : cfg.extraInputs().entrySet()) {
            body.set(extra.getKey(), MAPPER.valueToTree(extra.getValue()));
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
