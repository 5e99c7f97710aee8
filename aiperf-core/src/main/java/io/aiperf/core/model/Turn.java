package io.aiperf.core.model;

import java.util.List;

/**
 * One request of a conversation.
 *
 * @param text        the user prompt
 * @param inputTokens its true token count with the run's tokenizer (the ISL): of its texts joined by spaces, preceded
 *                    by the conversation's system prompt and user context when it has them
 * @param maxTokens   the {@code max_tokens} to request, or null to send none
 * @param delayMs     think time: how long after the previous turn's response this turn is sent; 0 = none (always 0
 *                    on a synthetic first turn; a file's first turn keeps what the file says)
 * @param timestampMs absolute send time on the trace's own clock in milliseconds ({@code timestamp} of a file row),
 *                    or null; used by fixed-schedule runs
 * @param role        the message role given by the data, or null for the default ({@code user})
 * @param hashIds     the trace's KV-cache block ids ({@code hash_ids} of a mooncake row), empty when none
 * @param contents    text batches and media beyond the single {@code text} ({@link TurnContents#NONE} when none);
 *                    when it holds texts, {@code text} must be them joined by single spaces
 */
public record Turn(String text, int inputTokens, Integer maxTokens, double delayMs, Double timestampMs, String role,
                   List<Integer> hashIds, TurnContents contents) {

    public Turn {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
        if (inputTokens < 0) {
            throw new IllegalArgumentException("inputTokens must not be negative: " + inputTokens);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        if (!(delayMs >= 0) || Double.isInfinite(delayMs)) {
            throw new IllegalArgumentException("delayMs must be finite and non-negative: " + delayMs);
        }
        if (timestampMs != null && (!(timestampMs >= 0) || timestampMs.isInfinite())) {
            throw new IllegalArgumentException("timestampMs must be finite and non-negative: " + timestampMs);
        }
        hashIds = hashIds == null ? List.of() : List.copyOf(hashIds);
        contents = contents == null ? TurnContents.NONE : contents;
        String joined = contents.joinedText();
        if (joined != null && !joined.equals(text)) {
            throw new IllegalArgumentException("text must be the turn's text contents joined by spaces");
        }
    }

    /** A turn without media or text batches. */
    public Turn(String text, int inputTokens, Integer maxTokens, double delayMs, Double timestampMs, String role,
                List<Integer> hashIds) {
        this(text, inputTokens, maxTokens, delayMs, timestampMs, role, hashIds, TurnContents.NONE);
    }

    /** A turn without timestamp, role or hash ids (synthetic data). */
    public Turn(String text, int inputTokens, Integer maxTokens, double delayMs) {
        this(text, inputTokens, maxTokens, delayMs, null, null, List.of());
    }

    /** The named texts this turn sends: its contents' texts, or its single text named {@code text}. */
    public List<NamedContents> texts() {
        return contents.texts().isEmpty() ? List.of(new NamedContents("text", List.of(text))) : contents.texts();
    }

    /** Every text content in order (one element unless the turn carries a batch or named texts). */
    public List<String> textContents() {
        return contents.texts().isEmpty() ? List.of(text) : TurnContents.flatten(contents.texts());
    }

    /** The same turn with other contents; {@code text} becomes their joined texts when they have any. */
    public Turn withContents(TurnContents newContents, int newInputTokens) {
        String joined = newContents.joinedText();
        return new Turn(joined != null ? joined : text, newInputTokens, maxTokens, delayMs, timestampMs, role,
                hashIds, newContents);
    }

    public boolean hasTimestamp() {
        return timestampMs != null;
    }

    public boolean hasDelay() {
        return delayMs > 0;
    }
}
