package io.aiperf.worker.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Renders request bodies the way AIPerf's endpoint plugins do: a single-turn body ({@link #format}) or a chat body
 * carrying a multi-turn message history ({@link #formatChat}).
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
 * <p>Thread-safe and stateless. {@link #format} is a cold path (the controller calls it once per dataset turn);
 * {@link #formatChat} runs on a worker's bus thread once per worker-rendered turn.
 */
public final class PayloadFormatter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PayloadFormatter() {
    }

    /**
     * The body of a single-turn request.
     *
     * @param cfg       the endpoint (type, streaming, max-tokens naming, server token count, extra inputs)
     * @param prompt    the user message text (chat: one user message; completions: the only prompt)
     * @param maxTokens the turn's output length limit, or null to send none
     * @param model     the model for this turn, or null for {@link EndpointConfig#primaryModel()}
     * @return the compact JSON body
     */
    public static String format(EndpointConfig cfg, String prompt, Integer maxTokens, String model) {
        return switch (cfg.type()) {
            case CHAT -> formatChat(cfg, List.of(ChatMessage.user(prompt)), maxTokens, model);
            case COMPLETIONS -> render(cfg, body -> body.putArray("prompt").add(prompt), "max_tokens", maxTokens,
                    model);
        };
    }

    /**
     * The body of a chat request carrying a whole message history (a later turn of a multi-turn conversation): the
     * same fields, order and rules as {@link #format}, with {@code messages} written in the order given.
     *
     * @param cfg       a {@link EndpointType#CHAT} endpoint
     * @param messages  the history so far followed by this turn's user message
     * @param maxTokens the turn's output length limit, or null to send none
     * @param model     the model for this turn, or null for {@link EndpointConfig#primaryModel()}
     * @return the compact JSON body
     * @throws IllegalArgumentException when the endpoint is not a chat endpoint (completions sends only the
     *                                  current turn's text: use {@link #format})
     */
    public static String formatChat(EndpointConfig cfg, List<ChatMessage> messages, Integer maxTokens,
                                    String model) {
        if (cfg.type() != EndpointType.CHAT) {
            throw new IllegalArgumentException("a message history needs a chat endpoint, not " + cfg.type().cliName());
        }
        return render(cfg, body -> {
            ArrayNode list = body.putArray("messages");
            for (ChatMessage m : messages) {
                ObjectNode node = list.addObject();
                node.put("role", m.role());
                node.put("content", m.content());
            }
        }, cfg.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", maxTokens, model);
    }

    /** The shared layout: input key first, then model, stream, the max-tokens key, stream_options, extras. */
    private static String render(EndpointConfig cfg, Consumer<ObjectNode> input, String maxTokensKey,
                                 Integer maxTokens, String model) {
        ObjectNode body = MAPPER.createObjectNode();
        input.accept(body);
        body.put("model", model != null ? model : cfg.primaryModel());
        body.put("stream", cfg.streaming());
        if (maxTokens != null) {
            body.put(maxTokensKey, maxTokens.intValue());
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
