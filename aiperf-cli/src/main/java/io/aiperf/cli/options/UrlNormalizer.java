package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns {@code -u} values into {@code scheme://host[:port][/path]} ({@code http} or {@code https}): adds
 * {@code http://} when there is no scheme, drops trailing slashes.
 */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    public static String normalize(String raw) {
        String url = raw.trim();
        if (url.isEmpty()) {
            throw new UsageException("--url must not be empty");
        }
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("--url '" + raw + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new UsageException("--url '" + raw + "': only http:// and https:// are supported");
        }
        if (uri.getRawUserInfo() != null) {
            // Not echoed: the user part is a credential, and the URL itself would be written to every export.
            throw new UsageException("--url: a user name or password in the URL is not supported; pass "
                    + "--api-key KEY or -H 'Authorization: …' instead");
        }
        if (uri.getHost() == null) {
            throw new UsageException("--url '" + raw + "' has no host");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new UsageException("--url '" + raw + "' must not have a query or fragment");
        }
        return url;
    }

    /** Port of a normalised URL, with its scheme's default (80, or 443 for https). */
    public static int port(String normalized) {
        URI uri = URI.create(normalized);
        int port = uri.getPort();
        return port >= 0 ? port : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    public static String host(String normalized) {
        return URI.create(normalized).getHost();
    }
}
