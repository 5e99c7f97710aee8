package io.aiperf.core.endpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.aiperf.core.error.OneLine;
import io.aiperf.core.model.Usage;

import java.io.IOException;

/** Streaming-parser helpers shared by the OpenAI-shaped parsers (no tree is built per message). */
final class JsonMessages {

    static final JsonFactory FACTORY = new JsonFactory();

    private static final int SNIPPET_CHARS = 200;

    private JsonMessages() {
    }

    /** The current value if it is a string, null for JSON null; any other value is skipped and read as null. */
    static String stringOrNull(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    /** The current scalar as text (for {@code object}), or null for JSON null; containers are skipped. */
    static String scalarOrNull(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        p.skipChildren();
        return "<" + t.asString() + ">";
    }

    /** Reads a {@code usage} value the parser is positioned on; null when it is not an object. */
    static Usage usage(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Long prompt = null;
        Long completion = null;
        Long total = null;
        Long reasoning = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "prompt_tokens" -> prompt = longOrNull(p);
                case "completion_tokens" -> completion = longOrNull(p);
                case "total_tokens" -> total = longOrNull(p);
                case "completion_tokens_details" -> reasoning = reasoningTokens(p);
                default -> p.skipChildren();
            }
        }
        return new Usage(prompt, completion, total, reasoning);
    }

    private static Long reasoningTokens(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return null;
        }
        Long reasoning = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if ("reasoning_tokens".equals(name)) {
                reasoning = longOrNull(p);
            } else {
                p.skipChildren();
            }
        }
        return reasoning;
    }

    private static Long longOrNull(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getLongValue();
        }
        p.skipChildren();
        return null;
    }

    /** Skips the remaining elements of an array whose first element has been consumed. */
    static void skipRestOfArray(JsonParser p) throws IOException {
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
            p.skipChildren();
        }
    }

    /**
     * Malformed JSON. The message names what is wrong but neither where (column) nor the text itself: responses
     * differ in ids and lengths, and the error summary groups records by message, so one broken server behaviour
     * must give one message, not one per request.
     */
    static ResponseParseException malformed(JsonProcessingException e) {
        String detail = e.getOriginalMessage();
        if (detail == null || detail.isBlank()) {
            detail = "unreadable";
        }
        int nl = detail.indexOf('\n');
        if (nl >= 0) {
            detail = detail.substring(0, nl);
        }
        detail = LOCATION.matcher(detail).replaceAll("").strip();
        // A size limit's message carries how far Jackson had read when it noticed, which depends on its recycled
        // buffers, not only on the message: keep the limit, drop the count and where the limit is configured.
        detail = LIMIT_COUNT.matcher(detail).replaceAll(" exceeds");
        detail = LIMIT_SOURCE.matcher(detail).replaceAll("");
        return new ResponseParseException(OneLine.of("malformed JSON: " + detail));
    }

    /** {@code Name length (70957) exceeds …}: the count of a {@code StreamReadConstraints} message. */
    private static final java.util.regex.Pattern LIMIT_COUNT = java.util.regex.Pattern.compile("\\s*\\(\\d+\\)\\s+exceeds");
    /** {@code (50000, from `StreamReadConstraints.getMaxNameLength()`)}: where the limit comes from. */
    private static final java.util.regex.Pattern LIMIT_SOURCE = java.util.regex.Pattern.compile(", from `[^`]*`");

    /** Jackson's location suffixes: {@code (start marker at [Source: …])} and {@code at [Source: …]}. */
    private static final java.util.regex.Pattern LOCATION =
            java.util.regex.Pattern.compile("\\s*(\\(start marker at |at \\[Source).*$");

    /** {@code why} quotes what the server sent (an {@code object} of any length, with any control characters). */
    static ResponseParseException rejected(String why, String json) {
        return new ResponseParseException(OneLine.of(why) + ": " + snippet(json));
    }

    static String snippet(String json) {
        String s = json.length() <= SNIPPET_CHARS ? json : json.substring(0, SNIPPET_CHARS) + "…";
        return s.replace('\n', ' ').replace('\r', ' ');
    }

    /** Reads one message with a streaming parser over the whole JSON text. */
    interface StreamingRead {
        ParsedResponse read(com.fasterxml.jackson.core.JsonParser parser, String json)
                throws java.io.IOException, ResponseParseException;
    }

    /** Opens a parser on {@code json} and runs {@code read}; malformed JSON becomes a parse exception. */
    static ParsedResponse stream(String json, StreamingRead read) throws ResponseParseException {
        try (com.fasterxml.jackson.core.JsonParser p = FACTORY.createParser(json)) {
            return read.read(p, json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw malformed(e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // reading from a String: unreachable
        }
    }
}
