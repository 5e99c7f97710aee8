package io.aiperf.telemetry.prometheus;

/**
 * Why one line cannot be read; the parser turns it into a {@link ParseProblem} and goes on with the next line.
 * Without a stack trace: it is expected input, not a bug, and a hostile exposition may raise one per line.
 */
final class MalformedLineException extends Exception {

    MalformedLineException(String message) {
        super(message, null, false, false);
    }
}
