package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.expression.ExpressionStrategy;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.output.RenderedOutputNode;
import com.hubspot.jinjava.tree.parse.ExpressionToken;

import java.util.Collection;
import java.util.Map;

/**
 * How a payload template prints {@code {{ expression }}}: autoescaping made for JSON rather than HTML.
 *
 * <p>AIPerf renders templates with Jinja2's HTML autoescape, which keeps a {@code "} inside {@code "{{ text }}"} from
 * ending the JSON string by turning it into {@code &#34;}: the body stays valid but the server receives a different
 * prompt, and a newline or backslash still breaks the JSON. Here a string value is escaped as the inside of a JSON
 * string instead ({@code "} → {@code \"}, newline → {@code \n}, control characters → {@code \}{@code u00XX}), so
 * {@code "{{ text }}"} always renders valid JSON carrying the exact prompt. The rest follows from writing JSON:
 * <ul>
 *   <li>{@code tojson} output and {@code |safe} values are {@link SafeString}s, printed as they are;</li>
 *   <li>lists, maps and arrays print as JSON (so {@code {{ texts }}} equals {@code {{ texts|tojson }}});</li>
 *   <li>null (an absent value, e.g. {@code max_tokens} of a turn without one) prints {@code null};</li>
 *   <li>numbers and booleans print as JSON literals;</li>
 *   <li>{@code {% autoescape false %}} turns the string escaping off, as in Jinja.</li>
 * </ul>
 */
final class JsonTemplateOutput implements ExpressionStrategy {

    private static final long serialVersionUID = 1L;
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public RenderedOutputNode interpretOutput(ExpressionToken token, JinjavaInterpreter interpreter) {
        Object value = interpreter.resolveELExpression(token.getExpr(), token.getLineNumber());
        return new RenderedOutputNode(print(value, interpreter));
    }

    private static String print(Object value, JinjavaInterpreter interpreter) {
        if (value == null) {
            return "null";
        }
        if (value instanceof SafeString) {
            return value.toString();
        }
        if (value instanceof Boolean || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?> || value.getClass().isArray()) {
            return toJson(value);
        }
        String text = value instanceof CharSequence ? value.toString() : interpreter.getAsString(value);
        return interpreter.getContext().isAutoEscape() ? new String(JsonStringEncoder.getInstance().quoteAsString(text))
                : text;
    }

    static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
