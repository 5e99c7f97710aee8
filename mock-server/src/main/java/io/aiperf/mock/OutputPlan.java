package io.aiperf.mock;

import java.util.SplittableRandom;

/**
 * How many tokens a request gets back, and why it stopped. A pure function of the request, so the same
 * prompt with the same limits always yields the same answer.
 *
 * @param promptTokens  ceil(prompt chars / 4), at least 1: a cheap stand-in for a real tokenizer
 * @param reasoningTokens number of reasoning tokens sent before the output (see {@link Reasoning})
 * @param outputTokens  number of output tokens to produce
 * @param finishReason  {@code length} when the output was cut by max tokens or ignore_eos, else {@code stop}
 * @param promptHash    seeds both the length draw and the choice of words
 */
record OutputPlan(int promptTokens, int reasoningTokens, int outputTokens, String finishReason, long promptHash) {

    private static final int MIN_UNBOUNDED_OUTPUT = 16;

    /** The plan for {@code request}, without reasoning. */
    static OutputPlan of(InferenceRequest request) {
        String prompt = request.promptText();
        long hash = hash(prompt);
        int promptTokens = Math.max(1, (prompt.length() + 3) / 4);
        Integer max = request.maxTokens();
        Integer min = request.minTokens();
        int output;
        if (max != null && request.ignoreEos()) {
            output = max;
        } else if (max != null) {
            int low = Math.min(min == null ? 1 : min, max);
            // long bound: max - low + 1 overflows int when max is Integer.MAX_VALUE.
            output = low + (int) new SplittableRandom(hash).nextLong(max - low + 1L);
        } else {
            // No cap: answer about as long as the question, as a chat model roughly does.
            double factor = 0.8 + 0.4 * new SplittableRandom(hash).nextDouble();
            output = Math.max(MIN_UNBOUNDED_OUTPUT, (int) Math.round(promptTokens * factor));
            if (min != null) {
                output = Math.max(output, min);
            }
        }
        boolean cut = request.ignoreEos() || (max != null && output == max);
        return new OutputPlan(promptTokens, 0, output, cut ? "length" : "stop", hash);
    }

    /** The same answer preceded by {@code tokens} reasoning tokens. */
    OutputPlan withReasoning(int tokens) {
        return new OutputPlan(promptTokens, tokens, outputTokens, finishReason, promptHash);
    }

    /** Tokens generated in all, reasoning included: what the schedule paces and {@code completion_tokens} counts. */
    long generatedTokens() {
        return (long) reasoningTokens + outputTokens;
    }

    /** The {@code usage} the server reports, inflated by {@code offset} (see {@link MockConfig#usageTokenOffset()}). */
    Usage usage(int offset) {
        return new Usage((long) promptTokens + offset, generatedTokens() + offset, reasoningTokens);
    }

    /**
     * Counts as reported in {@code usage}.
     *
     * @param reasoning the part of {@code completion} that was reasoning
     */
    record Usage(long prompt, long completion, int reasoning) {
    }

    /** FNV-1a over the UTF-16 code units: stable across JVMs and runs, unlike identity hashes. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
