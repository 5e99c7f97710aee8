package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * NIM image retrieval ({@code image_retrieval}): an object whose {@code data} is a list (one entry per image sent;
 * the detections are not kept). The answer counts as one non-text content response; an empty list is no content.
 */
public final class ImageRetrievalResponseParser extends TreeResponseParser {

    static final ImageRetrievalResponseParser INSTANCE = new ImageRetrievalResponseParser();

    private ImageRetrievalResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        if (!root.isObject()) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw JsonMessages.rejected("no 'data' list in an image retrieval response", json);
        }
        return data.isEmpty() ? new ParsedResponse(null, null, usage(root.get("usage")))
                : ParsedResponse.nonText(usage(root.get("usage")));
    }
}
