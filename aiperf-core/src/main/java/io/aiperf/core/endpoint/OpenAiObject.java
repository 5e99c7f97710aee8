package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.aiperf.core.model.Usage;

import java.io.IOException;

/**
 * One OpenAI-style response object ({@code chat.completion[.chunk]}, {@code text_completion}) read in a single
 * streaming pass: its {@code object} and {@code usage}, and the fields of {@code choices[0]}, which go to the
 * subclass (the later choices are skipped, as AIPerf reads only the first). One instance per message, on the thread
 * that parses it.
 */
abstract class OpenAiObject {

    /** The {@code object} field's value, or null. */
    String object;
    /** Whether an {@code object} field was present at all (a lenient server may omit it). */
    boolean objectSeen;
    Usage usage;

    /** Reads the value of field {@code field} of {@code choices[0]}; must consume it ({@code skipChildren}). */
    abstract void choiceField(String field, JsonParser p) throws IOException;

    /** Reads the whole object from {@code p}, which is before its first token. */
    final void read(JsonParser p, String json) throws IOException, ResponseParseException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "object" -> {
                    objectSeen = true;
                    object = JsonMessages.scalarOrNull(p);
                }
                case "usage" -> usage = JsonMessages.usage(p);
                case "choices" -> readFirstChoice(p);
                default -> p.skipChildren();
            }
        }
    }

    private void readFirstChoice(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            p.skipChildren();
            return;
        }
        if (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                choiceField(field, p);
            }
        } else if (p.currentToken() == JsonToken.END_ARRAY) {
            return;
        } else {
            p.skipChildren();
        }
        JsonMessages.skipRestOfArray(p);
    }
}
