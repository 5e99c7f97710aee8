package io.aiperf.worker.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where one base URL's requests go: scheme, host, port and the origin-form request target.
 *
 * <p>The target is the base URL's path followed by the endpoint path (AIPerf: {@code base.rstrip('/') + '/' +
 * path}); when the base path ends in {@code /v1} and the endpoint path starts with {@code /v1/}, the duplicate
 * {@code /v1} is dropped, so {@code http://h:8000/v1} + {@code /v1/chat/completions} targets {@code
 * /v1/chat/completions}.
 *
 * @param scheme     {@code http} or {@code https}
 * @param host       host name or address literal (IPv6 without brackets)
 * @param port       explicit port, or the scheme's default
 * @param target     request target, always starting with {@code /}
 * @param hostHeader value of the {@code Host} header ({@code host[:port]}, port omitted when it is the default)
 */
public record EndpointUrl(String scheme, String host, int port, String target, String hostHeader) {

    /**
     * @param baseUrl a normalised base URL ({@code scheme://host:port[/path]}, no trailing slash; a missing scheme
     *                means {@code http})
     * @param path    the endpoint path ({@code --custom-endpoint} or the type's default), with or without the
     *                leading slash
     * @throws IllegalArgumentException when the base URL cannot be parsed
     */
    public static EndpointUrl of(String baseUrl, String path) {
        String base = baseUrl.contains("://") ? baseUrl : "http://" + baseUrl;
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL '" + baseUrl + "': " + e.getMessage(), e);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("unsupported scheme in URL '" + baseUrl + "' (expected http or https)");
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in URL '" + baseUrl + "'");
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        String rawHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String hostHeader = port == defaultPort ? host : host + ":" + port;
        return new EndpointUrl(scheme, rawHost, port, target(uri.getRawPath(), path), hostHeader);
    }

    /** The request target for a base path (may be empty) and an endpoint path (may be null or empty). */
    static String target(String basePath, String path) {
        String b = basePath == null ? "" : basePath;
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        String p = path == null ? "" : path;
        if (!p.isEmpty() && !p.startsWith("/")) {
            p = "/" + p;
        }
        if (b.endsWith("/v1") && p.startsWith("/v1/")) {
            p = p.substring(3);
        }
        String t = b + p;
        return t.isEmpty() ? "/" : t;
    }

    public boolean tls() {
        return scheme.equals("https");
    }

    @Override
    public String toString() {
        return scheme + "://" + hostHeader + target;
    }
}
