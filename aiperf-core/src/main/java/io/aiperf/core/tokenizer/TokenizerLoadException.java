package io.aiperf.core.tokenizer;

import io.aiperf.core.error.AiperfException;

/**
 * A tokenizer the user asked for cannot be loaded. The message is one user-facing line (what failed and what to
 * do about it), meant to be printed as is, without a stack trace.
 */
public final class TokenizerLoadException extends AiperfException {

    private static final long serialVersionUID = 1L;

    public TokenizerLoadException(String message) {
        super(message);
    }

    public TokenizerLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
