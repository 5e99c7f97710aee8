package io.aiperf.core.hub;

import io.aiperf.core.error.AiperfException;

import java.net.URI;

/**
 * A hub file could not be fetched. The message is one line, {@code cannot download <url>: <reason>}, without the
 * access token; callers usually add what the user can do instead.
 */
public final class HubDownloadException extends AiperfException {

    private static final long serialVersionUID = 1L;

    private final transient URI url;
    private final String reason;
    private final int status;

    HubDownloadException(URI url, String reason, int status) {
        super("cannot download " + url + ": " + reason);
        this.url = url;
        this.reason = reason;
        this.status = status;
    }

    public URI url() {
        return url;
    }

    /** Why, in a few words (e.g. {@code connection refused}, {@code HTTP 404 (not found)}). */
    public String reason() {
        return reason;
    }

    /** The HTTP status when the server answered with an error, else 0 (no answer at all). */
    public int status() {
        return status;
    }

    /** Whether the server answered "not here" (404), as opposed to being unreachable or refusing access. */
    public boolean notFound() {
        return status == 404;
    }
}
