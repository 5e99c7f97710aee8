package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.Node;
import io.aiperf.core.config.EndpointConfig;
import io.aiperf.core.config.EndpointType;
import io.aiperf.core.message.TurnInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of a {@code template} endpoint request: the {@code payload_template} extra input (named, file or inline
 * Jinja2, see {@link TemplateSource}) rendered with {@link TemplateVariables}, printed with JSON-aware escaping
 * ({@link JsonTemplateOutput}), parsed as a JSON object, then the other extra inputs merged at the top level
 * ({@code payload_template} and {@code response_field} configure the endpoint and are never sent).
 *
 * <p>The template is parsed once ({@link #of} keeps the last compiled one); each {@link #render} only evaluates it.
 * Rendering runs where {@link PayloadFormatter} runs: on the controller while it prepares the dataset, or on a
 * worker's bus thread, never on an event loop. Safe to share between threads: every render has its own interpreter
 * and context over the read-only parsed tree.
 */
public final class TemplatePayload {

    public static final String PAYLOAD_TEMPLATE = "payload_template";
    public static final String RESPONSE_FIELD = "response_field";

    private static final Pattern BLOCK = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern FILTER = Pattern.compile("\\|\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final String PROBE_TEXT = "template probe";
    private static volatile TemplatePayload last;

    private final EndpointConfig cfg;
    private final Jinjava jinjava;
    private final Node root;
    private final Map<String, Object> extras;

    private TemplatePayload(EndpointConfig cfg, Jinjava jinjava, Node root) {
        this.cfg = cfg;
        this.jinjava = jinjava;
        this.root = root;
        this.extras = bodyExtras(cfg);
    }

    /** The compiled template of {@code cfg}, compiled on first use and kept while the same config is used. */
    static TemplatePayload of(EndpointConfig cfg) {
        TemplatePayload cached = last;
        if (cached != null && (cached.cfg == cfg || cached.cfg.equals(cfg))) {
            return cached;
        }
        TemplatePayload compiled = compile(cfg);
        last = compiled;
        return compiled;
    }

    /**
     * Parses the endpoint's template and renders it once for a probe turn, so that a missing template, an unreadable
     * file, a syntax error, an unknown filter or a template that does not give a JSON object is reported before any
     * request is made.
     *
     * @throws IllegalArgumentException with a one-line message naming the problem
     */
    public static TemplatePayload compile(EndpointConfig cfg) {
        if (cfg.type() != EndpointType.TEMPLATE) {
            throw new IllegalArgumentException("not a template endpoint: " + cfg.type().cliName());
        }
        Object value = cfg.extraInputs().get(PAYLOAD_TEMPLATE);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("--endpoint-type template requires --extra-inputs "
                    + "payload_template:<nv-embedqa | template file | inline Jinja2 template>");
        }
        String source = TemplateSource.resolve(value instanceof String s ? s : JsonTemplateOutput.toJson(value));
        JinjavaConfig config = JinjavaConfig.newBuilder().withNestedInterpretationEnabled(false).build();
        Jinjava jinjava = new Jinjava(config);
        jinjava.registerFilter(new ToJsonFilter());
        Context parseContext = new Context(jinjava.getGlobalContext());
        // The output strategy is bound into each expression node when the template is parsed.
        parseContext.setExpressionStrategy(new JsonTemplateOutput());
        JinjavaInterpreter parser = new JinjavaInterpreter(jinjava, parseContext, config);
        Node root;
        JinjavaInterpreter.pushCurrent(parser);
        try {
            root = parser.parse(source);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        String fatal = firstFatal(parser.getErrors());
        if (fatal == null) {
            fatal = unknownFilter(source, jinjava.getGlobalContext());
        }
        if (fatal != null) {
            throw new IllegalArgumentException("payload_template: " + fatal);
        }
        TemplatePayload payload = new TemplatePayload(cfg, jinjava, root);
        payload.render(TurnInput.text(PROBE_TEXT), null, null, null);
        return payload;
    }

    /**
     * @param in        the turn's texts and media, and the conversation's system prompt and user context
     * @param role      the turn's role from the data, or null for {@code user}
     * @param maxTokens the turn's output limit, or null
     * @param model     the turn's model, or null for the primary model
     * @return the compact JSON body
     * @throws IllegalArgumentException when rendering fails or does not give a JSON object
     */
    public String render(TurnInput in, String role, Integer maxTokens, String model) {
        Map<String, Object> vars = TemplateVariables.of(in, role, maxTokens,
                model != null ? model : cfg.primaryModel(), cfg.streaming());
        Context context = new Context(jinjava.getGlobalContext(), vars);
        context.setAutoEscape(true);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(jinjava, context, jinjava.getGlobalConfig());
        String rendered;
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            rendered = interpreter.render(root);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
        String fatal = firstFatal(interpreter.getErrors());
        if (fatal != null) {
            throw new IllegalArgumentException("payload_template: " + fatal);
        }
        JsonNode body;
        try {
            body = JsonTemplateOutput.MAPPER.readTree(rendered);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload_template did not render valid JSON ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "): " + abbreviate(rendered), e);
        }
        if (!(body instanceof ObjectNode object)) {
            throw new IllegalArgumentException("payload_template must render a JSON object, got: "
                    + abbreviate(rendered));
        }
        PayloadFormatter.mergeExtras(extras, object);
        return JsonTemplateOutput.toJson(object);
    }

    /** The extra inputs merged into every body: all but the two that configure the template endpoint. */
    private static Map<String, Object> bodyExtras(EndpointConfig cfg) {
        Map<String, Object> out = new LinkedHashMap<>(cfg.extraInputs());
        out.remove(PAYLOAD_TEMPLATE);
        out.remove(RESPONSE_FIELD);
        return out;
    }

    /**
     * The first error that makes a template unusable: Jinjava's fatal errors, syntax errors, and the names it only
     * warns about (an unknown filter, function, tag or test renders as if absent; Jinja2 refuses the template).
     */
    private static String firstFatal(List<TemplateError> errors) {
        for (TemplateError e : errors) {
            TemplateError.ErrorItem item = e.getItem();
            boolean unknownName = e.getReason() == TemplateError.ErrorReason.UNKNOWN
                    && (item == TemplateError.ErrorItem.FILTER || item == TemplateError.ErrorItem.FUNCTION
                    || item == TemplateError.ErrorItem.TAG || item == TemplateError.ErrorItem.EXPRESSION_TEST);
            if (e.getSeverity() == TemplateError.ErrorType.FATAL
                    || e.getReason() == TemplateError.ErrorReason.SYNTAX_ERROR || unknownName) {
                String message = e.getMessage() == null ? e.getReason().toString() : e.getMessage();
                return (e.getLineno() > 0 ? "line " + e.getLineno() + ": " : "")
                        + message.lines().findFirst().orElse("");
            }
        }
        return null;
    }

    /**
     * Jinjava renders an unknown filter as if the value were absent, without an error; Jinja2 refuses the template.
     * So the filter names used in {@code {{ }}} and {@code {% %}} blocks (outside quoted strings) are checked here.
     */
    private static String unknownFilter(String source, Context context) {
        Matcher block = BLOCK.matcher(source);
        while (block.find()) {
            String code = QUOTED.matcher(block.group(1) != null ? block.group(1) : block.group(2)).replaceAll("\"\"");
            Matcher filter = FILTER.matcher(code);
            while (filter.find()) {
                if (context.getFilter(filter.group(1)) == null) {
                    return "unknown filter '" + filter.group(1) + "'";
                }
            }
        }
        return null;
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ').strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 120) + "…";
    }
}
