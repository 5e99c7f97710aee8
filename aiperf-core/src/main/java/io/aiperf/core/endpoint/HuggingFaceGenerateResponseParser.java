package io.aiperf.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hugging Face TGI ({@code huggingface_generate}). A streaming event ({@code /generate_stream}) carries
 * {@code token.text}, which is the text; its final event also repeats the whole {@code generated_text}, which is
 * ignored so the output is not counted twice. A whole body ({@code /generate}) is {@code {"generated_text"}} or a
 * list whose first element is such an object.
 */
public final class HuggingFaceGenerateResponseParser extends TreeResponseParser {

    static final HuggingFaceGenerateResponseParser INSTANCE = new HuggingFaceGenerateResponseParser();

    private HuggingFaceGenerateResponseParser() {
    }

    @Override
    ParsedResponse read(JsonNode root, String json) throws ResponseParseException {
        JsonNode message = root.isArray() && !root.isEmpty() ? root.get(0) : root;
        if (!message.isObject()) {
            throw JsonMessages.rejected("not a TGI response", json);
        }
        JsonNode token = message.get("token");
        if (token != null && token.isObject()) {
            return new ParsedResponse(text(token.get("text")), null, null);
        }
        if (message.has("generated_text")) {
            return new ParsedResponse(text(message.get("generated_text")), null, null);
        }
        throw JsonMessages.rejected("neither 'token' nor 'generated_text' in a TGI response", json);
    }
}
