package io.aiperf.core.tokenizer;

import java.util.Objects;

/**
 * The result of {@link TokenizerLoader#load}: the tokenizer to use and, when it is not the one the run would
 * normally use (for example the builtin fallback), a one-line warning the caller should show the user.
 *
 * @param tokenizer the tokenizer, never null
 * @param warning   a one-line warning, or null when everything loaded as asked
 */
public record LoadedTokenizer(TextTokenizer tokenizer, String warning) {

    public LoadedTokenizer {
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public boolean hasWarning() {
        return warning != null;
    }

    /** How another process on this host loads the same tokenizer without resolving it again. */
    public TokenizerSource source() {
        return tokenizer instanceof HuggingFaceTextTokenizer hf
                ? new TokenizerSource(hf.file().toString(), hf.name())
                : TokenizerSource.builtin(tokenizer.name());
    }
}
