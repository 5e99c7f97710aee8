package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.aiperf.core.model.Usage;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * OpenAI (legacy) completions: {@code object} {@code completion} or {@code text_completion} reads {@code
 * choices[0].text}; {@code usage} is read from any message. A message without an {@code object} field is accepted
 * when {@code choices[0].text} is present (same leniency as {@link ChatResponseParser}); any other {@code object}
 * value is rejected.
 */
public final class CompletionsResponseParser implements ResponseParser {

    static final CompletionsResponseParser INSTANCE = new CompletionsResponseParser();

    private CompletionsResponseParser() {
    }

    @Override
    public ParsedResponse parse(String json) throws ResponseParseException {
        return JsonMessages.stream(json, CompletionsResponseParser::read);
    }

    private static ParsedResponse read(JsonParser p, String json) throws IOException, ResponseParseException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        String object = null;
        boolean objectSeen = false;
        boolean textSeen = false;
        String text = null;
        Usage usage = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "object" -> {
                    objectSeen = true;
                    object = JsonMessages.scalarOrNull(p);
                }
                case "usage" -> usage = JsonMessages.usage(p);
                case "choices" -> {
                    if (p.currentToken() != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        continue;
                    }
                    if (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            if ("text".equals(field)) {
                                textSeen = true;
                                text = JsonMessages.stringOrNull(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else if (p.currentToken() == JsonToken.END_ARRAY) {
                        continue;
                    } else {
                        p.skipChildren();
                    }
                    JsonMessages.skipRestOfArray(p);
                }
                default -> p.skipChildren();
            }
        }
        if (objectSeen) {
            if (!"text_completion".equals(object) && !"completion".equals(object)) {
                throw JsonMessages.rejected("unexpected object '" + object + "' for a completions endpoint", json);
            }
        } else if (!textSeen) {
            throw JsonMessages.rejected("no 'object' field and no choices[0].text", json);
        }
        return new ParsedResponse(text, null, usage);
    }
}
