package io.aiperf.core.error;

/** A user mistake on the command line: printed as one line, exit code 2, never a stack trace. */
public final class UsageException extends AiperfException {

    public UsageException(String message) {
        super(message, null, false);
    }
}
