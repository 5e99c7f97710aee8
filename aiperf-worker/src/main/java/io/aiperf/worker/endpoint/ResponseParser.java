package io.aiperf.worker.endpoint;

import io.aiperf.core.config.EndpointType;

/**
 * Turns one JSON message from the server (an SSE {@code data:} payload, or a whole non-streaming body) into text,
 * reasoning and usage. Implementations are stateless singletons, safe to share between event loops.
 *
 * <p>A message the endpoint does not recognise (malformed JSON, not an object, an unexpected {@code object} value)
 * is a {@link ResponseParseException}, which the transport turns into an error record; nothing else escapes.
 */
public sealed interface ResponseParser permits ChatResponseParser, CompletionsResponseParser {

    static ResponseParser forType(EndpointType type) {
        return switch (type) {
            case CHAT -> ChatResponseParser.INSTANCE;
            case COMPLETIONS -> CompletionsResponseParser.INSTANCE;
        };
    }

    /**
     * @param json one complete JSON document
     * @return what the message carried; {@link ParsedResponse#hasContent()} tells whether it is a content response
     * @throws ResponseParseException when the message is not one this endpoint produces
     */
    ParsedResponse parse(String json) throws ResponseParseException;
}
