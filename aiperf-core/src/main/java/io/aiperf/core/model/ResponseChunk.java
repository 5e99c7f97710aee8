package io.aiperf.core.model;

/**
 * One content response: a parsed SSE message (or a whole non-streaming body) that carried text or reasoning.
 * Messages without content (role-only deltas, usage-only chunks, {@code [DONE]}) are never chunks, so the first
 * chunk is the first token.
 *
 * @param arrivalNs {@code System.nanoTime()} of the network read that completed this message, taken before parsing
 * @param text      output text, or null
 * @param reasoning reasoning text ({@code reasoning_content} / {@code reasoning}), or null
 */
public record ResponseChunk(long arrivalNs, String text, String reasoning) {

    public boolean hasText() {
        return text != null && !text.isEmpty();
    }

    public boolean hasReasoning() {
        return reasoning != null && !reasoning.isEmpty();
    }
}
