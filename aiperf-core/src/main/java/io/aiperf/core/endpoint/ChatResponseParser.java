package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * OpenAI chat completions: {@code object} {@code chat.completion} reads {@code choices[0].message}, {@code
 * chat.completion.chunk} reads {@code choices[0].delta}; text is {@code content}, reasoning is {@code
 * reasoning_content}, else {@code reasoning}. {@code usage} is read from any message.
 *
 * <p>Leniency (a deliberate, documented choice): a message <em>without</em> an {@code object} field is accepted
 * when its first choice carries a {@code delta} (read as a chunk) or a {@code message} (read as a completion), since
 * some OpenAI-compatible servers omit the field. Without {@code object} and without such a choice, or with any other
 * {@code object} value, the message is rejected, as AIPerf rejects it.
 */
public final class ChatResponseParser implements ResponseParser {

    static final ChatResponseParser INSTANCE = new ChatResponseParser();

    private ChatResponseParser() {
    }

    @Override
    public ParsedResponse parse(String json) throws ResponseParseException {
        return JsonMessages.stream(json, ChatResponseParser::read);
    }

    private static ParsedResponse read(JsonParser p, String json) throws IOException, ResponseParseException {
        ChatObject m = new ChatObject();
        m.read(p, json);
        Content chosen;
        if ("chat.completion.chunk".equals(m.object)) {
            chosen = m.delta;
        } else if ("chat.completion".equals(m.object)) {
            chosen = m.message;
        } else if (!m.objectSeen && (m.delta != null || m.message != null)) {
            chosen = m.delta != null ? m.delta : m.message;
        } else if (!m.objectSeen) {
            throw JsonMessages.rejected("no 'object' field and no choices[0].delta/message", json);
        } else {
            throw JsonMessages.rejected("unexpected object '" + m.object + "' for a chat endpoint", json);
        }
        if (chosen == null) {
            return new ParsedResponse(null, null, m.usage);
        }
        return new ParsedResponse(chosen.text, chosen.reasoning(), m.usage);
    }

    /** A chat message: its first choice's {@code delta} and {@code message}. */
    private static final class ChatObject extends OpenAiObject {
        Content delta;
        Content message;

        @Override
        void choiceField(String field, JsonParser p) throws IOException {
            if ("delta".equals(field)) {
                delta = content(p);
            } else if ("message".equals(field)) {
                message = content(p);
            } else {
                p.skipChildren();
            }
        }
    }

    /** Reads a {@code delta}/{@code message} value; null when it is not an object. */
    private static Content content(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Content c = new Content();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "content" -> c.text = JsonMessages.stringOrNull(p);
                case "reasoning_content" -> c.reasoningContent = JsonMessages.stringOrNull(p);
                case "reasoning" -> c.reasoning = JsonMessages.stringOrNull(p);
                default -> p.skipChildren();
            }
        }
        return c;
    }

    private static final class Content {
        String text;
        String reasoningContent;
        String reasoning;

        String reasoning() {
            return reasoningContent != null ? reasoningContent : reasoning;
        }
    }
}
