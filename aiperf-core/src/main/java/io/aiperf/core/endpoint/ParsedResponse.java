package io.aiperf.core.endpoint;

import io.aiperf.core.model.Usage;

/**
 * What one server message carried.
 *
 * @param text      output text, or null
 * @param reasoning reasoning text, or null
 * @param usage     the message's {@code usage} object, or null when absent or JSON null
 * @param nonText   true when the message is a complete non-text answer (embeddings, rankings): it counts as one
 *                  content response so the request has a latency, but it carries no tokens
 */
public record ParsedResponse(String text, String reasoning, Usage usage, boolean nonText) {

    public ParsedResponse(String text, String reasoning, Usage usage) {
        this(text, reasoning, usage, false);
    }

    /** A non-text answer (vectors, scores) with its usage, if any. */
    public static ParsedResponse nonText(Usage usage) {
        return new ParsedResponse(null, null, usage, true);
    }

    /** True when the message carries non-empty text or reasoning, or a non-text answer: a content response. */
    public boolean hasContent() {
        return nonText || (text != null && !text.isEmpty()) || (reasoning != null && !reasoning.isEmpty());
    }
}
