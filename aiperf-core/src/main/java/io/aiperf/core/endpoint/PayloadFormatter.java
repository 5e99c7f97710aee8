package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.TurnInput;
import io.aiperf.core.model.Conversation;
import io.aiperf.core.model.Turn;
import io.aiperf.core.model.TurnContents;

import java.io.UncheckedIOException;
import java.util.ArrayList;
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
 *       {@code stream_options: {"include_usage": true}} when streaming with {@code useServerTokenCount}. Messages:
 *       the system prompt, the user context, then the turn: a plain string when it is one text without media, else
 *       content parts ({@link ContentParts});</li>
 *   <li>completions: {@code prompt: [texts], model, stream}, then {@code max_tokens} (always this name), then the
 *       same {@code stream_options} rule;</li>
 *   <li>responses: {@code instructions} (the system prompt) when set, {@code input: [{role, content}], model,
 *       stream}, then {@code max_output_tokens};</li>
 *   <li>huggingface_generate: {@code inputs: texts joined by spaces, parameters: {max_new_tokens, …extras}} (the
 *       extras go inside {@code parameters}; streaming is chosen by the path, not the body);</li>
 *   <li>solido_rag: {@code query: [texts], filters: {family: Solido, tool: SDE}, inference_model};</li>
 *   <li>embeddings: {@code model, input: [texts]}; nim_embeddings: the same, with images as
 *       {@code <img src='URL'/>} inputs or {@code "<text> <img src='URL'/>"} pairs ({@link #nimEmbeddingsInputs});
 *       chat_embeddings: the chat body;</li>
 *   <li>nim_rankings: {@code model, query: {text}, passages: [{text}]}; hf_tei_rankings: {@code query, texts: []};
 *       cohere_rankings: {@code model, query, documents: []}; query and passages as {@link RankingsInput} reads
 *       them;</li>
 *   <li>image_generation: {@code prompt} (the first text), {@code model}, {@code response_format: b64_json}, then
 *       {@code stream: true} only when streaming; video_generation: {@code prompt, model} (size, seconds and the
 *       like come as extras); image_retrieval: {@code input: [{type: image_url, url}]}, one item per image;</li>
 *   <li>template: the user's Jinja2 template rendered by {@link TemplatePayload} (which merges the extras itself,
 *       without {@code payload_template} and {@code response_field}).</li>
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
     * The body of a single-turn request carrying one plain prompt.
     *
     * @param cfg       the endpoint (type, streaming, max-tokens naming, server token count, extra inputs)
     * @param prompt    the user message text (chat: one user message; completions: the only prompt)
     * @param maxTokens the turn's output length limit, or null to send none
     * @param model     the model for this turn, or null for {@link EndpointConfig#primaryModel()}
     * @return the compact JSON body
     */
    public static String format(EndpointConfig cfg, String prompt, Integer maxTokens, String model) {
        return format(cfg, TurnInput.text(prompt), maxTokens, model);
    }

    /**
     * The body of turn {@code turnIndex} of a conversation sent on its own (no live history): the conversation's
     * system prompt and user context, then the turn's texts and media.
     */
    public static String format(EndpointConfig cfg, Conversation conversation, int turnIndex, String model) {
        Turn t = conversation.turns().get(turnIndex);
        TurnInput in = new TurnInput(t.text(), t.contents(), conversation.systemMessage(),
                conversation.userContextMessage());
        if (cfg.type() == EndpointType.TEMPLATE) {
            return TemplatePayload.of(cfg).render(in, t.role(), t.maxTokens(), model);
        }
        return format(cfg, in, t.maxTokens(), model);
    }

    /**
     * The body of one request from its inputs.
     *
     * @param cfg       the endpoint
     * @param in        the turn's texts and media, with the system prompt and user context to send before it
     * @param maxTokens the turn's output length limit, or null to send none
     * @param model     the model for this turn, or null for {@link EndpointConfig#primaryModel()}
     */
    public static String format(EndpointConfig cfg, TurnInput in, Integer maxTokens, String model) {
        TurnContents contents = in.contents();
        return switch (cfg.type()) {
            case CHAT, CHAT_EMBEDDINGS -> contents.hasRawMessages() ? rawChat(cfg, contents, maxTokens, model)
                    : formatChat(cfg, preamble(in, ChatMessage.user(in.text(), contents)), maxTokens, model);
            case COMPLETIONS -> render(cfg, body -> addAll(body.putArray("prompt"), texts(in)), "max_tokens",
                    maxTokens, model);
            case RESPONSES -> render(cfg, body -> {
                if (in.systemMessage() != null) {
                    body.put("instructions", in.systemMessage());
                }
                ArrayNode input = body.putArray("input");
                if (in.userContextMessage() != null) {
                    responsesItem(input, ChatMessage.user(in.userContextMessage()));
                }
                responsesItem(input, ChatMessage.user(in.text(), contents));
            }, "max_output_tokens", maxTokens, model);
            case HUGGINGFACE_GENERATE -> huggingFaceGenerate(cfg, String.join(" ", texts(in)), maxTokens);
            case SOLIDO_RAG -> plain(cfg, body -> {
                addAll(body.putArray("query"), texts(in));
                ObjectNode filters = body.putObject("filters");
                filters.put("family", "Solido");
                filters.put("tool", "SDE");
                body.put("inference_model", modelOf(cfg, model));
            });
            case EMBEDDINGS -> plain(cfg, body -> {
                body.put("model", modelOf(cfg, model));
                addAll(body.putArray("input"), texts(in));
            });
            case NIM_EMBEDDINGS -> plain(cfg, body -> {
                body.put("model", modelOf(cfg, model));
                addAll(body.putArray("input"), nimEmbeddingsInputs(in));
            });
            case NIM_RANKINGS -> plain(cfg, body -> {
                RankingsInput r = RankingsInput.of(in);
                body.put("model", modelOf(cfg, model));
                body.putObject("query").put("text", r.query());
                ArrayNode passages = body.putArray("passages");
                for (String p : r.passages()) {
                    passages.addObject().put("text", p);
                }
            });
            case HF_TEI_RANKINGS -> plain(cfg, body -> {
                RankingsInput r = RankingsInput.of(in);
                body.put("query", r.query());
                addAll(body.putArray("texts"), r.passages());
            });
            case COHERE_RANKINGS -> plain(cfg, body -> {
                RankingsInput r = RankingsInput.of(in);
                body.put("model", modelOf(cfg, model));
                body.put("query", r.query());
                addAll(body.putArray("documents"), r.passages());
            });
            case TEMPLATE -> TemplatePayload.of(cfg).render(in, null, maxTokens, model);
            case IMAGE_GENERATION -> plain(cfg, body -> {
                body.put("prompt", firstText(in));
                body.put("model", modelOf(cfg, model));
                body.put("response_format", "b64_json");
                if (cfg.streaming()) {
                    body.put("stream", true);
                }
            });
            case VIDEO_GENERATION -> plain(cfg, body -> {
                body.put("prompt", firstText(in));
                body.put("model", modelOf(cfg, model));
            });
            case IMAGE_RETRIEVAL -> plain(cfg, body -> {
                ArrayNode input = body.putArray("input");
                for (String image : nonEmpty(TurnContents.flatten(in.contents().images()))) {
                    ObjectNode item = input.addObject();
                    item.put("type", "image_url");
                    item.put("url", image);
                }
            });
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
        if (cfg.type() != EndpointType.CHAT && cfg.type() != EndpointType.CHAT_EMBEDDINGS) {
            throw new IllegalArgumentException("a message history needs a chat endpoint, not " + cfg.type().cliName());
        }
        return render(cfg, body -> {
            ArrayNode list = body.putArray("messages");
            for (ChatMessage m : messages) {
                ObjectNode node = list.addObject();
                node.put("role", m.role());
                if (m.plain()) {
                    node.put("content", m.text());
                } else {
                    ContentParts.chat(node.putArray("content"), m.text(), m.contents());
                }
            }
        }, cfg.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", maxTokens, model);
    }

    /**
     * A trace row's own message list, sent verbatim (AIPerf: no system prompt or user context is added), with its
     * tools. Cold path: the controller renders these once per dataset turn.
     */
    private static String rawChat(EndpointConfig cfg, TurnContents contents, Integer maxTokens, String model) {
        JsonNode messages = readJson(contents.rawMessages());
        JsonNode tools = contents.tools() == null ? null : readJson(contents.tools());
        return render(cfg, body -> body.set("messages", messages),
                cfg.useLegacyMaxTokens() ? "max_tokens" : "max_completion_tokens", maxTokens, model, tools);
    }

    private static JsonNode readJson(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The messages that open a conversation: its system prompt and user context, either of which may be absent. */
    public static List<ChatMessage> opening(TurnInput in) {
        if (in.systemMessage() == null && in.userContextMessage() == null) {
            return List.of();
        }
        List<ChatMessage> messages = new ArrayList<>(2);
        if (in.systemMessage() != null) {
            messages.add(ChatMessage.system(in.systemMessage()));
        }
        if (in.userContextMessage() != null) {
            messages.add(ChatMessage.user(in.userContextMessage()));
        }
        return messages;
    }

    private static List<ChatMessage> preamble(TurnInput in, ChatMessage last) {
        List<ChatMessage> opening = opening(in);
        if (opening.isEmpty()) {
            return List.of(last);
        }
        List<ChatMessage> messages = new ArrayList<>(opening);
        messages.add(last);
        return messages;
    }

    private static void responsesItem(ArrayNode input, ChatMessage m) {
        ObjectNode item = input.addObject();
        item.put("role", m.role());
        if (m.plain()) {
            item.put("content", m.text());
        } else {
            ContentParts.responses(item.putArray("content"), m.text(), m.contents());
        }
    }

    /** The prompt of an image or video generation: the turn's first text (AIPerf sends only that one). */
    private static String firstText(TurnInput in) {
        return texts(in).get(0);
    }

    private static List<String> texts(TurnInput in) {
        return in.contents().texts().isEmpty() ? List.of(in.text()) : TurnContents.flatten(in.contents().texts());
    }

    /**
     * NIM embeddings inputs: the texts; or, with images, each image as {@code <img src='URL'/>}, paired with the
     * text of the same index ({@code "<text> <img src='URL'/>"}) when the turn has texts too, which it then must have
     * as many of as images. Empty contents are skipped.
     *
     * @throws IllegalArgumentException when a turn has both texts and images in different numbers
     */
    static List<String> nimEmbeddingsInputs(TurnInput in) {
        List<String> images = nonEmpty(TurnContents.flatten(in.contents().images()));
        List<String> texts = nonEmpty(texts(in));
        if (images.isEmpty()) {
            return texts;
        }
        if (!texts.isEmpty() && texts.size() != images.size()) {
            throw new IllegalArgumentException("nim_embeddings: a turn with texts and images needs as many of each,"
                    + " found " + texts.size() + " text(s) and " + images.size() + " image(s)");
        }
        List<String> inputs = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            String img = "<img src='" + images.get(i) + "'/>";
            inputs.add(texts.isEmpty() ? img : texts.get(i) + " " + img);
        }
        return inputs;
    }

    private static List<String> nonEmpty(List<String> values) {
        for (String v : values) {
            if (v.isEmpty()) {
                return values.stream().filter(x -> !x.isEmpty()).toList();
            }
        }
        return values;
    }

    private static void addAll(ArrayNode array, List<String> values) {
        for (String v : values) {
            array.add(v);
        }
    }

    private static String modelOf(EndpointConfig cfg, String model) {
        return model != null ? model : cfg.primaryModel();
    }

    /** TGI: the extras go into {@code parameters}, after {@code max_new_tokens}. */
    private static String huggingFaceGenerate(EndpointConfig cfg, String prompt, Integer maxTokens) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("inputs", prompt);
        ObjectNode parameters = body.putObject("parameters");
        if (maxTokens != null) {
            parameters.put("max_new_tokens", maxTokens.intValue());
        }
        mergeExtras(cfg.extraInputs(), parameters);
        return write(body);
    }

    /** A body without the OpenAI stream/max-tokens fields: the given keys, then the extras. */
    private static String plain(EndpointConfig cfg, Consumer<ObjectNode> fields) {
        ObjectNode body = MAPPER.createObjectNode();
        fields.accept(body);
        mergeExtras(cfg, body);
        return write(body);
    }

    private static void mergeExtras(EndpointConfig cfg, ObjectNode body) {
        mergeExtras(cfg.extraInputs(), body);
    }

    /** Sets each extra on {@code target}: an existing key keeps its place and takes the value (dict.update). */
    static void mergeExtras(Map<String, Object> extras, ObjectNode target) {
        for (Map.Entry<String, Object> extra : extras.entrySet()) {
            target.set(extra.getKey(), MAPPER.valueToTree(extra.getValue()));
        }
    }

    private static String write(ObjectNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared layout: input key first, then model, stream, the max-tokens key, stream_options, extras. */
    private static String render(EndpointConfig cfg, Consumer<ObjectNode> input, String maxTokensKey,
                                 Integer maxTokens, String model) {
        return render(cfg, input, maxTokensKey, maxTokens, model, null);
    }

    /** As {@link #render(EndpointConfig, Consumer, String, Integer, String)}, with {@code tools} after max tokens. */
    private static String render(EndpointConfig cfg, Consumer<ObjectNode> input, String maxTokensKey,
                                 Integer maxTokens, String model, JsonNode tools) {
        ObjectNode body = MAPPER.createObjectNode();
        input.accept(body);
        body.put("model", model != null ? model : cfg.primaryModel());
        body.put("stream", cfg.streaming());
        if (maxTokens != null) {
            body.put(maxTokensKey, maxTokens.intValue());
        }
        if (tools != null) {
            body.set("tools", tools);
        }
        if (cfg.streaming() && cfg.useServerTokenCount() && cfg.type() != EndpointType.RESPONSES) {
            body.putObject("stream_options").put("include_usage", true);
        }
        mergeExtras(cfg, body);
        return write(body);
    }
}
