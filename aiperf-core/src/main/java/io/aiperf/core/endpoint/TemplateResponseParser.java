package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.model.Usage;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;

/**
 * Reads the answers of a {@code template} endpoint, whose response format is whatever the user's server speaks.
 * Every message (a whole body, or each SSE event's data) is read the same way:
 * <ul>
 *   <li>a body that is not JSON is the answer's text as it is;</li>
 *   <li>with the {@code response_field} extra input, its JMESPath value: a string is the text, a list of strings
 *       their concatenation, a number or boolean its JSON text, a list of numbers or of lists a non-text answer
 *       (embeddings), an object its JSON text; no value (null, empty) means the message carries no content, so a
 *       mistyped field ends as a "no content" error rather than measuring some other field;</li>
 *   <li>else auto-detected as AIPerf does, first match wins: embeddings ({@code data[]} of
 *       {@code object: "embedding"} items, or an {@code embeddings}/{@code embedding} list), rankings
 *       ({@code rankings} or {@code results} list), then text: {@code text}, {@code content}, {@code response},
 *       {@code output} or {@code result} (a string, or a list of strings concatenated), then
 *       {@code choices[0].text}, {@code choices[0].message.content}, {@code choices[0].delta.content} (with
 *       {@code reasoning_content} as reasoning).</li>
 * </ul>
 * A top-level {@code usage} object is kept in both modes. Stateless and thread-safe: the compiled JMESPath
 * expression is immutable.
 */
public final class TemplateResponseParser implements ResponseParser {

    /** Auto-detection only. */
    static final TemplateResponseParser AUTO = new TemplateResponseParser(null);

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JacksonRuntime JMESPATH = new JacksonRuntime();
    private static final String[] TEXT_FIELDS = {"text", "content", "response", "output", "result"};

    private final Expression<JsonNode> field;

    private TemplateResponseParser(Expression<JsonNode> field) {
        this.field = field;
    }

    /**
     * The parser for a template endpoint: its {@code response_field} compiled, else auto-detection.
     *
     * @throws IllegalArgumentException when {@code response_field} is not a valid JMESPath expression
     */
    public static TemplateResponseParser of(EndpointConfig cfg) {
        Object value = cfg.extraInputs().get(TemplatePayload.RESPONSE_FIELD);
        if (value == null || value.toString().isBlank()) {
            return AUTO;
        }
        String expression = value.toString().strip();
        try {
            return new TemplateResponseParser(JMESPATH.compile(expression));
        } catch (JmesPathException e) {
            throw new IllegalArgumentException("response_field '" + expression + "' is not a valid JMESPath "
                    + "expression: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    @Override
    public ParsedResponse parse(String message) throws ResponseParseException {
        JsonNode root;
        try {
            root = MAPPER.readTree(message);
        } catch (JsonProcessingException notJson) {
            return new ParsedResponse(message, null, null);
        }
        if (root == null || root.isMissingNode()) {
            return new ParsedResponse(message, null, null);
        }
        Usage usage = root.isObject() ? TreeResponseParser.usage(root.get("usage")) : null;
        if (field != null) {
            JsonNode value;
            try {
                value = field.search(root);
            } catch (JmesPathException | IllegalArgumentException e) {
                throw JsonMessages.rejected("response_field: " + OneLine.of(e.getMessage()), message);
            } catch (RuntimeException e) {
                // The library fails on some values it was not written for (a slice of a string throws
                // IndexOutOfBoundsException): the user's expression does not fit this message, as above.
                throw JsonMessages.rejected("response_field cannot be evaluated on this message ("
                        + e.getClass().getSimpleName() + ")", message);
            }
            return value(value, usage);
        }
        return detect(root, usage);
    }

    private static ParsedResponse value(JsonNode value, Usage usage) {
        if (value == null || value.isNull() || value.isMissingNode() || value.isEmpty() && value.isContainerNode()) {
            return new ParsedResponse(null, null, usage);
        }
        if (value.isTextual()) {
            return new ParsedResponse(value.textValue(), null, usage);
        }
        if (value.isNumber() || value.isBoolean()) {
            return new ParsedResponse(value.asText(), null, usage);
        }
        if (value.isArray()) {
            String joined = joinedStrings(value);
            if (joined != null) {
                return new ParsedResponse(joined, null, usage);
            }
            JsonNode first = value.get(0);
            if (first.isNumber() || first.isArray()) {
                return ParsedResponse.nonText(usage);
            }
        }
        return new ParsedResponse(value.toString(), null, usage);
    }

    private static ParsedResponse detect(JsonNode root, Usage usage) {
        if (root.isTextual()) {
            return new ParsedResponse(root.textValue(), null, usage);
        }
        if (root.isArray()) {
            return new ParsedResponse(joinedStrings(root), null, usage);
        }
        if (!root.isObject()) {
            return new ParsedResponse(null, null, usage);
        }
        if (isEmbeddings(root) || nonEmptyArray(root.get("rankings")) || nonEmptyArray(root.get("results"))) {
            return ParsedResponse.nonText(usage);
        }
        for (String name : TEXT_FIELDS) {
            JsonNode node = root.get(name);
            String text = node == null ? null : node.isTextual() ? node.textValue() : joinedStrings(node);
            if (text != null) {
                return new ParsedResponse(text, null, usage);
            }
        }
        JsonNode choices = root.get("choices");
        if (choices != null && choices.isArray() && !choices.isEmpty()) {
            JsonNode choice = choices.get(0);
            String text = TreeResponseParser.text(choice.get("text"));
            if (text != null) {
                return new ParsedResponse(text, null, usage);
            }
            JsonNode message = choice.has("message") ? choice.get("message") : choice.get("delta");
            if (message != null && message.isObject()) {
                return new ParsedResponse(TreeResponseParser.text(message.get("content")),
                        TreeResponseParser.text(message.get("reasoning_content")), usage);
            }
        }
        return new ParsedResponse(null, null, usage);
    }

    private static boolean isEmbeddings(JsonNode root) {
        JsonNode data = root.get("data");
        if (nonEmptyArray(data)) {
            boolean all = true;
            for (JsonNode item : data) {
                all &= item.isObject() && "embedding".equals(TreeResponseParser.text(item.get("object")));
            }
            if (all) {
                return true;
            }
        }
        return nonEmptyArray(root.get("embeddings")) || nonEmptyArray(root.get("embedding"));
    }

    private static boolean nonEmptyArray(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty();
    }

    /** The concatenation of an array of strings, or null when {@code node} is not a non-empty array of strings. */
    private static String joinedStrings(JsonNode node) {
        if (!nonEmptyArray(node)) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return null;
            }
            sb.append(item.textValue());
        }
        return sb.toString();
    }
}
