package io.aiperf.core.endpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random JSON-ish text for the response parsers' fuzz tests: values built from the field names and values the
 * parsers look for (so the random documents reach deep into each parser rather than failing at the first field),
 * numbers no {@code long} holds, escapes including lone surrogates, deep nesting, long strings; and edits of them
 * that break the JSON.
 */
final class RandomJson {

    private static final String[] KEYS = {"object", "choices", "delta", "message", "content", "text",
            "reasoning_content", "reasoning", "usage", "prompt_tokens", "completion_tokens", "total_tokens",
            "completion_tokens_details", "reasoning_tokens", "input_tokens", "output_tokens", "output_tokens_details",
            "data", "embedding", "embeddings", "rankings", "results", "token", "generated_text", "type", "response",
            "output", "output_text", "summary", "result", "index", "items", "score", "name", "n", "a", "b", "id"};
    private static final String[] WORDS = {"chat.completion.chunk", "chat.completion", "text_completion",
            "completion", "response", "embedding", "message", "output_text", "reasoning", "summary_text",
            "response.output_text.delta", "response.reasoning_text.delta", "response.completed", "error",
            "response.failed", "list", "", "a", "é世😀", "[DONE]"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-1", "7", "0.5", "1e3", "1E-7", "-2.5e+10",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890",
            "1e999", "-1e999", "1.0e308", "4.9e-324"};
    private static final String[] ESCAPES = {"\\\"", "\\\\", "\\/", "\\n", "\\r", "\\t", "\\b", "\\f", "\\u00e9",
            "\\u4e16", "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\u0000", "é", "世", "😀", "\u2028"};
    private static final String[] BREAKERS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u12", "nul", "tru",
            "01", "1.", "-", "+1", "NaN", "Infinity", "'a'", "/*", "\u0000", "\n", " "};

    private RandomJson() {
    }

    /** One JSON value up to {@code depth} levels deep. */
    static String value(Random r, int depth) {
        StringBuilder sb = new StringBuilder();
        value(r, depth, sb);
        return sb.toString();
    }

    private static void value(Random r, int depth, StringBuilder sb) {
        int kind = r.nextInt(depth > 0 ? 10 : 6);
        switch (kind) {
            case 0, 1 -> string(r, sb);
            case 2 -> sb.append(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 3 -> sb.append(r.nextBoolean() ? "true" : "false");
            case 4 -> sb.append("null");
            case 5 -> sb.append('"').append(WORDS[r.nextInt(WORDS.length)]).append('"');
            case 6, 7, 8 -> {
                sb.append('{');
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\":");
                    value(r, depth - 1, sb);
                }
                sb.append('}');
            }
            default -> {
                sb.append('[');
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    value(r, depth - 1, sb);
                }
                sb.append(']');
            }
        }
    }

    private static void string(Random r, StringBuilder sb) {
        sb.append('"');
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextBoolean() ? WORDS[r.nextInt(WORDS.length)] : ESCAPES[r.nextInt(ESCAPES.length)]);
        }
        sb.append('"');
    }

    /**
     * Any text a server might send as one message: a random document (often an object, as the parsers expect),
     * often broken by edits, or plain garbage, deep nesting, or a long string.
     */
    static String message(Random r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            return garbage(r);
        }
        if (kind == 1) {
            int depth = 1 + r.nextInt(5000);
            return (r.nextBoolean() ? "[" : "{\"choices\":[").repeat(depth) + "]".repeat(r.nextInt(depth + 1));
        }
        if (kind == 2 && r.nextInt(4) == 0) {
            return "{\"object\":\"chat.completion.chunk\",\"choices\":[{\"delta\":{\"content\":\""
                    + "x".repeat(64 * 1024 + r.nextInt(1024 * 1024)) + "\"}}]}";
        }
        String doc = r.nextInt(4) == 0 ? value(r, 4) : objectOf(r);
        int edits = r.nextInt(3);
        for (int i = 0; i < edits; i++) {
            doc = edit(r, doc);
        }
        return doc;
    }

    /** An object with some of the fields the parsers read. */
    private static String objectOf(Random r) {
        StringBuilder sb = new StringBuilder("{");
        int n = 1 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('"').append(KEYS[r.nextInt(KEYS.length)]).append("\":");
            value(r, 3, sb);
        }
        return sb.append('}').toString();
    }

    private static String garbage(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(r.nextBoolean() ? BREAKERS[r.nextInt(BREAKERS.length)] : WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** One edit: truncation, a character dropped or replaced, a breaker inserted. */
    static String edit(Random r, String doc) {
        if (doc.isEmpty()) {
            return garbage(r);
        }
        int at = r.nextInt(doc.length());
        return switch (r.nextInt(4)) {
            case 0 -> doc.substring(0, at);
            case 1 -> doc.substring(0, at) + doc.substring(at + 1);
            case 2 -> doc.substring(0, at) + (char) r.nextInt(128) + doc.substring(at + 1);
            default -> doc.substring(0, at) + BREAKERS[r.nextInt(BREAKERS.length)] + doc.substring(at);
        };
    }

    /** Simplifications of a failing message: halves and quarters dropped, then single characters. */
    static List<String> smaller(String s) {
        List<String> out = new ArrayList<>();
        for (int size = s.length() / 2; size >= 1 && out.size() < 64; size /= 2) {
            for (int from = 0; from + size <= s.length(); from += size) {
                out.add(s.substring(0, from) + s.substring(from + size));
            }
        }
        return out;
    }
}
