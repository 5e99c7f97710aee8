package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OpenAI image generation ({@code image_generation}). The images themselves are not kept: each message that
 * carries one counts as one non-text content response, so a streamed answer has one content response per partial
 * image and one for the final image, and a whole answer one in all.
 * <ul>
 *   <li>streaming: an event object whose {@code type} is {@code image_generation.partial_image} or
 *       {@code image_generation.completed}, carrying {@code b64_json}; other event types are no content;</li>
 *   <li>whole answer: an object whose {@code data} list holds items with {@code b64_json} or {@code url}; an
 *       empty list is no content.</li>
 * </ul>
 * {@code usage} (the Images API names its counts {@code input_tokens}/{@code output_tokens}) is kept either way.
 */
public final class ImageGenerationResponseParser extends TreeResponseParser {

    static final ImageGenerationResponseParser INSTANCE = new ImageGenerationResponseParser();

    static final String PARTIAL_IMAGE = "image_generation.partial_image";
    static final String COMPLETED = "image_generation.completed";

    private ImageGenerationResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        if (!root.isObject()) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        JsonNode usage = root.get("usage");
        String type = text(root.get("type"));
        if (type != null) {
            boolean image = (PARTIAL_IMAGE.equals(type) || COMPLETED.equals(type)) && hasImage(root);
            return image ? ParsedResponse.nonText(usage(usage)) : new ParsedResponse(null, null, usage(usage));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw JsonMessages.rejected("no 'data' list in an image generation response", json);
        }
        for (JsonNode item : data) {
            if (!hasImage(item)) {
                throw JsonMessages.rejected("a 'data' item has neither 'b64_json' nor 'url'", json);
            }
        }
        return data.isEmpty() ? new ParsedResponse(null, null, usage(usage)) : ParsedResponse.nonText(usage(usage));
    }

    private static boolean hasImage(JsonNode node) {
        return text(node.get("b64_json")) != null || text(node.get("url")) != null;
    }
}
