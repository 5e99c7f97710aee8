package io.aiperf.core.dataset;

/**
 * A synthetic prompt and its true token count ({@code tokenizer.countTokens(text)}). The count equals the requested
 * length except for a tokenizer on which that length cannot be hit (then it is the closest found).
 */
public record Prompt(String text, int tokens) {

    public Prompt {
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }
}
