package io.aiperf.core.dataset;

/**
 * One request of a conversation.
 *
 * @param text        the user prompt
 * @param inputTokens its true token count with the run's tokenizer (the synthetic ISL)
 * @param maxTokens   the {@code max_tokens} to request, or null to send none (no {@code --output-tokens-mean})
 * @param delayMs     delay before this turn is sent after the previous turn's response; 0 for a first turn
 */
public record Turn(String text, int inputTokens, Integer maxTokens, double delayMs) {

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
    }
}
