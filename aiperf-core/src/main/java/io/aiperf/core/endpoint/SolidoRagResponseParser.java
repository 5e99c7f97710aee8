package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/** Solido RAG ({@code solido_rag}): an object whose {@code content} is the text ({@code sources} are not kept). */
public final class SolidoRagResponseParser extends TreeResponseParser {

    static final SolidoRagResponseParser INSTANCE = new SolidoRagResponseParser();

    private SolidoRagResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        if (!root.isObject() || !root.has("content")) {
            throw JsonMessages.rejected("no 'content' in a Solido RAG response", json);
        }
        return new ParsedResponse(text(root.get("content")), null, usage(root.get("usage")));
    }
}
