package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI-style embeddings ({@code embeddings}, {@code chat_embeddings}, {@code nim_embeddings}): the body must be an
 * object whose {@code data} is a list of items each with {@code object == "embedding"}. The vectors are not kept:
 * the answer counts as one non-text content response (with {@code usage} when present). An empty {@code data} list
 * is no content (the record becomes an error, as a response without content is).
 */
public final class EmbeddingsResponseParser extends TreeResponseParser {

    static final EmbeddingsResponseParser INSTANCE = new EmbeddingsResponseParser();

    private EmbeddingsResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        if (!root.isObject()) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw JsonMessages.rejected("no 'data' list in an embeddings response", json);
        }
        for (JsonNode item : data) {
            if (!"embedding".equals(text(item.get("object")))) {
                throw JsonMessages.rejected("a 'data' item is not an embedding", json);
            }
        }
        if (data.isEmpty()) {
            return new ParsedResponse(null, null, usage(root.get("usage")));
        }
        return ParsedResponse.nonText(usage(root.get("usage")));
    }
}
