package io.aiperf.core.endpoint;

/**
 * A server message that the endpoint's parser cannot accept. Carries a one-line message and no stack trace: it is
 * control flow that becomes an error record ({@code type "ResponseParseError"}), not a bug report.
 */
public final class ResponseParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResponseParseException(String message) {
        super(message, null, false, false);
    }
}
