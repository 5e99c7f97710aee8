package io.aiperf.worker.http;

import io.aiperf.core.model.ErrorDetails;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/** Maps a failure below HTTP to the {@link ErrorDetails} of a record: code null, a short type, a one-line message. */
final class Failures {

    static final String CONNECTION_CLOSED = "ConnectionClosed";
    static final String TIMEOUT = "Timeout";

    private static final int MAX_MESSAGE_CHARS = 300;

    private Failures() {
    }

    static ErrorDetails of(Throwable t) {
        Throwable cause = t instanceof DecoderException && t.getCause() != null ? t.getCause() : t;
        return new ErrorDetails(null, type(cause), oneLine(cause));
    }

    static ErrorDetails of(String type, String message) {
        return new ErrorDetails(null, type, message);
    }

    private static String type(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (t instanceof ConnectTimeoutException) {
            return "ConnectTimeout";
        }
        if (t instanceof ConnectException) {
            return message.contains("refused") ? "ConnectionRefused" : "ConnectionError";
        }
        if (t instanceof UnknownHostException) {
            return "UnknownHost";
        }
        if (t instanceof PrematureChannelClosureException || t instanceof ClosedChannelException) {
            return CONNECTION_CLOSED;
        }
        if (t instanceof SSLException) {
            return "TlsError";
        }
        if (t instanceof IOException) {
            if (message.contains("reset")) {
                return "ConnectionReset";
            }
            if (message.contains("broken pipe")) {
                return CONNECTION_CLOSED;
            }
            return "ConnectionError";
        }
        if (t instanceof DecoderException) {
            return "InvalidResponse";
        }
        return t.getClass().getSimpleName();
    }

    static String oneLine(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        return oneLine(m);
    }

    static String oneLine(String m) {
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        line = line.strip();
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
