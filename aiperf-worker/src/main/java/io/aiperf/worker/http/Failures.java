package io.aiperf.worker.http;

import io.aiperf.core.error.OneLine;
import io.aiperf.core.model.ErrorDetails;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.ssl.NotSslRecordException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Maps a failure below HTTP to the {@link ErrorDetails} of a record: code null, a short type, a one-line message.
 * Types end in {@code Error}, like the exception class names AIPerf records; docs/errors.md lists them all.
 */
final class Failures {

    static final String CONNECTION_REFUSED = "ConnectionRefusedError";
    static final String CONNECTION_RESET = "ConnectionResetError";
    static final String CONNECTION_CLOSED = "ConnectionClosedError";
    static final String CONNECTION_ERROR = "ConnectionError";
    static final String CONNECT_TIMEOUT = "ConnectTimeoutError";
    static final String UNKNOWN_HOST = "UnknownHostError";
    static final String TLS = "TlsError";
    /** The TLS handshake failed because the server's certificate was not accepted: untrusted, or not for the host. */
    static final String TLS_CERTIFICATE = "TlsCertificateError";
    static final String TLS_CERTIFICATE_HINT = "; pass --ssl-ca-file PATH to trust a private CA (or --ssl-insecure, "
            + "for testing only)";
    static final String INVALID_HTTP = "InvalidHttpResponseError";
    /** No complete response within {@code --request-timeout-seconds} after the request was sent. */
    static final String TIMEOUT = "TimeoutError";
    /** {@code --request-timeout-seconds} ran out before the request was fully sent (AIPerf's name). */
    static final String SEND_TIMEOUT = "RequestSendTimeout";
    static final String RESPONSE_PARSE = "ResponseParseError";
    static final String RESPONSE_TOO_LARGE = "ResponseTooLargeError";
    /** An {@code event: error} in a stream (AIPerf's class name; code 502). */
    static final String SSE_RESPONSE = "SSEResponseError";
    static final int SSE_ERROR_CODE = 502;

    private Failures() {
    }

    static ErrorDetails of(Throwable t) {
        Throwable cause = t instanceof DecoderException && t.getCause() != null ? t.getCause() : t;
        if (cause instanceof NotSslRecordException) {
            // Netty's message is a hex dump of what came back: one fixed line says it (and gives one summary row).
            return new ErrorDetails(null, TLS, "the server did not answer with TLS (a plain-HTTP port? then use "
                    + "http://)");
        }
        if (cause instanceof SSLException) {
            CertificateException rejected = certificateCause(cause);
            if (rejected != null) {
                // The certificate's own reason (e.g. "unable to find valid certification path to requested target",
                // "No subject alternative names matching IP address … found"), without the JDK's class-name prefix.
                return new ErrorDetails(null, TLS_CERTIFICATE, "server certificate not accepted: "
                        + OneLine.of(rejected) + TLS_CERTIFICATE_HINT);
            }
        }
        return new ErrorDetails(null, type(cause), OneLine.messageOf(cause));
    }

    private static CertificateException certificateCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof CertificateException certificate) {
                return certificate;
            }
        }
        return null;
    }

    /**
     * A response the HTTP decoder refused. Netty reports it as whatever it threw (a bad status line is an
     * IllegalArgumentException), but to the user it is always the server sending bytes that are not HTTP.
     */
    static ErrorDetails invalidHttp(Throwable cause) {
        Throwable t = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        return new ErrorDetails(null, INVALID_HTTP, OneLine.messageOf(t));
    }

    static ErrorDetails of(String type, String message) {
        return new ErrorDetails(null, type, message);
    }

    private static String type(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof ConnectTimeoutException) {
            return CONNECT_TIMEOUT;
        }
        if (t instanceof ConnectException) {
            return message.contains("refused") ? CONNECTION_REFUSED : CONNECTION_ERROR;
        }
        if (t instanceof UnknownHostException) {
            return UNKNOWN_HOST;
        }
        if (t instanceof PrematureChannelClosureException || t instanceof ClosedChannelException) {
            return CONNECTION_CLOSED;
        }
        if (t instanceof SSLException) {
            return TLS;
        }
        if (t instanceof IOException) {
            if (message.contains("reset")) {
                return CONNECTION_RESET;
            }
            if (message.contains("broken pipe")) {
                return CONNECTION_CLOSED;
            }
            return CONNECTION_ERROR;
        }
        if (t instanceof DecoderException) {
            return INVALID_HTTP;
        }
        return t.getClass().getSimpleName();
    }

    /** The error of an {@code event: error} block: the message comes from its comment line, as in AIPerf. */
    static ErrorDetails sseError(String comment, String data) {
        String detail = comment != null && !comment.isBlank() ? comment
                : data != null && !data.isBlank() ? data : "Unknown error in SSE response";
        return new ErrorDetails(SSE_ERROR_CODE, SSE_RESPONSE, OneLine.of("Error occurred in SSE response: " + detail));
    }

    /** The request timed out: before the request was fully sent ({@code sent} false), or waiting for the response. */
    static ErrorDetails timeout(boolean sent, long timeoutNs) {
        String seconds = String.format(Locale.ROOT, "%.3f s", timeoutNs / 1e9);
        return sent
                ? new ErrorDetails(null, TIMEOUT, "no complete response within the request timeout of " + seconds)
                : new ErrorDetails(null, SEND_TIMEOUT, "request not sent within the request timeout of " + seconds);
    }
}
