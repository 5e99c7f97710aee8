package io.aiperf.core.dataset.publicdata;

/**
 * vLLM's ShareGPT length rule, as AIPerf applies it: a prompt of 4 to 1,024 tokens, a reply of at least 4 tokens
 * (not checked when {@code --output-tokens-mean} is set) and at most 2,048 tokens for both together. A reply of no
 * tokens at all is always refused, since it cannot become a positive {@code max_tokens}.
 */
public final class ShareGptFilter {

    public static final int MIN_TOKENS = 4;
    public static final int MAX_PROMPT_TOKENS = 1024;
    public static final int MAX_TOTAL_TOKENS = 2048;

    private ShareGptFilter() {
    }

    /** Whether the prompt alone can pass (the reply need not be counted when it cannot). */
    public static boolean promptFits(int promptTokens) {
        return promptTokens >= MIN_TOKENS && promptTokens <= MAX_PROMPT_TOKENS;
    }

    /**
     * @param skipMinReply {@code --output-tokens-mean} is set: short replies are kept
     */
    public static boolean accepts(int promptTokens, int replyTokens, boolean skipMinReply) {
        if (!promptFits(promptTokens) || replyTokens < 1) {
            return false;
        }
        if (!skipMinReply && replyTokens < MIN_TOKENS) {
            return false;
        }
        return promptTokens + replyTokens <= MAX_TOTAL_TOKENS;
    }
}
