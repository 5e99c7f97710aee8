package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonParser;

import java.io.IOException;

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
        CompletionObject m = new CompletionObject();
        m.read(p, json);
        if (m.objectSeen) {
            if (!"text_completion".equals(m.object) && !"completion".equals(m.object)) {
                throw JsonMessages.rejected("unexpected object '" + m.object + "' for a completions endpoint", json);
            }
        } else if (!m.textSeen) {
            throw JsonMessages.rejected("no 'object' field and no choices[0].text", json);
        }
        return new ParsedResponse(m.text, null, m.usage);
    }

    /** A completions message: its first choice's {@code text}. */
    private static final class CompletionObject extends OpenAiObject {
        boolean textSeen;
        String text;

        @Override
        void choiceField(String field, JsonParser p) throws IOException {
            if ("text".equals(field)) {
                textSeen = true;
                text = JsonMessages.stringOrNull(p);
            } else {
                p.skipChildren();
            }
        }
    }
}
