package io.aiperf.cli.options;

import io.aiperf.core.error.UsageException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Turns {@code -u} values into {@code scheme://host:port[/path]}: adds {@code http://}, drops trailing slashes. */
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
        if (!scheme.equals("http")) {
            throw new UsageException("--url '" + raw + "': only http:// is supported");
        }
        if (uri.getHost() == null) {
            throw new UsageException("--url '" + raw + "' has no host");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new UsageException("--url '" + raw + "' must not have a query or fragment");
        }
        return url;
    }

    /** Port of a normalised URL, with HTTP's default. */
    public static int port(String normalized) {
        int port = URI.create(normalized).getPort();
        return port < 0 ? 80 : port;
    }

    public static String host(String normalized) {
        return URI.create(normalized).getHost();
    }
}
