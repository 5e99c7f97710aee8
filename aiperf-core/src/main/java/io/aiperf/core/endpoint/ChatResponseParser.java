package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.aiperf.core.model.Usage;

import java.io.IOException;
import java.io.UncheckedIOException;

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
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw JsonMessages.rejected("not a JSON object", json);
        }
        String object = null;
        boolean objectSeen = false;
        Usage usage = null;
        Content delta = null;
        Content message = null;
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
                            if ("delta".equals(field)) {
                                delta = content(p);
                            } else if ("message".equals(field)) {
                                message = content(p);
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
        Content chosen;
        if ("chat.completion.chunk".equals(object)) {
            chosen = delta;
        } else if ("chat.completion".equals(object)) {
            chosen = message;
        } else if (!objectSeen && (delta != null || message != null)) {
            chosen = delta != null ? delta : message;
        } else if (!objectSeen) {
            throw JsonMessages.rejected("no 'object' field and no choices[0].delta/message", json);
        } else {
            throw JsonMessages.rejected("unexpected object '" + object + "' for a chat endpoint", json);
        }
        if (chosen == null) {
            return new ParsedResponse(null, null, usage);
        }
        return new ParsedResponse(chosen.text, chosen.reasoning(), usage);
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
