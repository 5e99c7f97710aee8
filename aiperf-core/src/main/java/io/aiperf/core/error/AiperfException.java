package io.aiperf.core.error;

/**
 * A failure the user sees: its message is written for them and is printed as it is, on one line, with no stack
 * trace. Everything a user can get wrong or meet (a bad option, a malformed input row, a tokenizer or dataset that
 * cannot be had) is one of these; anything else reaching the top is a bug and is shown through {@link OneLine}.
 */
public class AiperfException extends RuntimeException {

    public AiperfException(String message) {
        super(message);
    }

    public AiperfException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Without a stack trace: for mistakes whose message says everything (the command line, a file's row). */
    protected AiperfException(String message, Throwable cause, boolean withStackTrace) {
        super(message, cause, false, withStackTrace);
    }
}
