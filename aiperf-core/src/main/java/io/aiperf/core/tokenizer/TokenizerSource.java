package io.aiperf.core.tokenizer;

/**
 * A tokenizer as resolved by the process that loaded it first, so another process can load the same one locally:
 * a {@code tokenizer.json} on this host, or the builtin tiktoken encoding.
 *
 * @param file the local {@code tokenizer.json}, or null for builtin
 * @param name how the tokenizer is named in exports and logs
 */
public record TokenizerSource(String file, String name) {

    public static TokenizerSource builtin(String name) {
        return new TokenizerSource(null, name);
    }

    public boolean isBuiltin() {
        return file == null;
    }
}
