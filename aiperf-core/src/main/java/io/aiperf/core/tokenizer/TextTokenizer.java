package io.aiperf.core.tokenizer;

/**
 * Counts and makes tokens. Implementations encode without special tokens (as AIPerf does) and never truncate.
 * They must be safe to call from several threads at once: the records manager tokenizes outputs in parallel.
 */
public interface TextTokenizer {

    /** What was loaded, e.g. a path, a hub id or {@code builtin (tiktoken o200k_base)}. */
    String name();

    /** Token ids of {@code text}, without special tokens, never truncated. */
    int[] encode(String text);

    /** Text of {@code ids}, special tokens kept. */
    String decode(int[] ids);

    default int countTokens(String text) {
        return text == null || text.isEmpty() ? 0 : encode(text).length;
    }
}
