package io.aiperf.core.dataset;

import java.util.List;

/**
 * One request of a conversation.
 *
 * @param text        the user prompt
 * @param inputTokens its true token count with the run's tokenizer (the ISL)
 * @param maxTokens   the {@code max_tokens} to request, or null to send none
 * @param delayMs     think time: how long after the previous turn's response this turn is sent; 0 = none (always 0
 *                    on a synthetic first turn; a file's first turn keeps what the file says)
 * @param timestampMs absolute send time on the trace's own clock in milliseconds ({@code timestamp} of a file row),
 *                    or null; used by fixed-schedule runs
 * @param role        the message role given by the data, or null for the default ({@code user})
 * @param hashIds     the trace's KV-cache block ids ({@code hash_ids} of a mooncake row), empty when none; kept for
 *                    hash-block prompt synthesis, not used to build the prompt yet
 */
public record Turn(String text, int inputTokens, Integer maxTokens, double delayMs, Double timestampMs, String role,
                   List<Integer> hashIds) {

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
    }

    /** A turn without timestamp, role or hash ids (synthetic data). */
    public Turn(String text, int inputTokens, Integer maxTokens, double delayMs) {
        this(text, inputTokens, maxTokens, delayMs, null, null, List.of());
    }

    public boolean hasTimestamp() {
        return timestampMs != null;
    }

    public boolean hasDelay() {
        return delayMs > 0;
    }
}
