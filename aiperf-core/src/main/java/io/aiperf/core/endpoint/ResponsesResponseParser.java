package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI Responses API ({@code responses}).
 *
 * <p>Streaming events are told apart by {@code type}: {@code response.output_text.delta} → text ({@code delta}),
 * {@code response.reasoning_text.delta} → reasoning, {@code response.completed} → {@code response.usage};
 * {@code error} and {@code response.failed} are rejected; every other event (including
 * {@code response.output_text.done}, which repeats the deltas) carries nothing.
 *
 * <p>A whole body has {@code object == "response"}: text is the concatenation of
 * {@code output[type=message].content[type=output_text].text} (falling back to a top-level {@code output_text}),
 * reasoning that of {@code output[type=reasoning].summary[type=summary_text].text}; usage is {@code usage}.
 */
public final class ResponsesResponseParser extends TreeResponseParser {

    static final ResponsesResponseParser INSTANCE = new ResponsesResponseParser();

    private ResponsesResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        if (!root.isObject()) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        if ("response".equals(text(root.get("object")))) {
            return whole(root);
        }
        String type = text(root.get("type"));
        if (type == null) {
            throw JsonMessages.rejected("neither a response object nor a typed event", json);
        }
        return switch (type) {
            case "response.output_text.delta" -> new ParsedResponse(text(root.get("delta")), null, null);
            case "response.reasoning_text.delta" -> new ParsedResponse(null, text(root.get("delta")), null);
            case "response.completed" -> {
                JsonNode response = root.get("response");
                yield new ParsedResponse(null, null, response == null ? null : usage(response.get("usage")));
            }
            case "error", "response.failed" -> throw JsonMessages.rejected("the server reported " + type, json);
            default -> new ParsedResponse(null, null, null);
        };
    }

    private static ParsedResponse whole(JsonNode root) {
        StringBuilder text = new StringBuilder();
        StringBuilder reasoning = new StringBuilder();
        JsonNode output = root.get("output");
        if (output != null && output.isArray()) {
            for (JsonNode item : output) {
                String itemType = text(item.get("type"));
                if ("message".equals(itemType)) {
                    appendParts(item.get("content"), "output_text", text);
                } else if ("reasoning".equals(itemType)) {
                    appendParts(item.get("summary"), "summary_text", reasoning);
                }
            }
        }
        String t = text.length() > 0 ? text.toString() : text(root.get("output_text"));
        return new ParsedResponse(t, reasoning.length() > 0 ? reasoning.toString() : null, usage(root.get("usage")));
    }

    private static void appendParts(JsonNode parts, String partType, StringBuilder out) {
        if (parts == null || !parts.isArray()) {
            return;
        }
        for (JsonNode part : parts) {
            String t = text(part.get("text"));
            if (partType.equals(text(part.get("type"))) && t != null) {
                out.append(t);
            }
        }
    }
}
