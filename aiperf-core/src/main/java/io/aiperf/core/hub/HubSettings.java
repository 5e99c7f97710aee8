package io.aiperf.core.hub;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where Hugging Face hub files come from and where they are kept, read once from the environment with the usual
 * Hugging Face conventions.
 *
 * <ul>
 *   <li>{@code HF_ENDPOINT}: the hub's base URL (a mirror, or a local server in tests); default
 *       {@value #DEFAULT_ENDPOINT}.</li>
 *   <li>{@code HF_TOKEN} (or the older {@code HUGGING_FACE_HUB_TOKEN}): sent as {@code Authorization: Bearer} for
 *       gated repositories; never logged or shown.</li>
 *   <li>{@code AIPERF_CACHE_DIR}: our own download cache; default {@code ~/.cache/aiperf}.</li>
 *   <li>{@code HF_HUB_CACHE}, else {@code HF_HOME/hub}, else {@code ~/.cache/huggingface/hub}: an existing Hugging Face
 *       hub cache, only ever read (a tokenizer already downloaded by Python tools is used without the network).</li>
 * </ul>
 *
 * @param endpoint       hub base URL without a trailing slash
 * @param token          access token, or null
 * @param cacheDir       aiperf's download cache
 * @param hfHubCache     the Hugging Face hub cache to look in first, or null to not look
 * @param connectTimeout how long connecting to the hub may take
 */
public record HubSettings(String endpoint, String token, Path cacheDir, Path hfHubCache, Duration connectTimeout) {

    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public HubSettings {
        if (endpoint == null || endpoint.isBlank()) {
            endpoint = DEFAULT_ENDPOINT;
        }
        endpoint = endpoint.strip();
        while (endpoint.endsWith("/")) {
            endpoint = endpoint.substring(0, endpoint.length() - 1);
        }
        if (!validEndpoint(endpoint)) {
            throw new IllegalArgumentException("HF_ENDPOINT must be an http(s) URL such as " + DEFAULT_ENDPOINT
                    + ", found '" + endpoint + "'");
        }
        token = token == null || token.isBlank() ? null : token.strip();
        if (cacheDir == null) {
            throw new IllegalArgumentException("cacheDir is required");
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
    }

    private static boolean validEndpoint(String endpoint) {
        try {
            java.net.URI uri = new java.net.URI(endpoint);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** From this process's environment. */
    public static HubSettings fromEnvironment() {
        return fromEnvironment(System.getenv(), System.getProperty("user.home"));
    }

    /** From {@code env}, with {@code home} standing for {@code ~}. */
    public static HubSettings fromEnvironment(Map<String, String> env, String home) {
        String token = firstSet(env, "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN");
        Path cache = aiperfCacheDir(env, home);
        String hubCache = firstSet(env, "HF_HUB_CACHE");
        String hfHome = firstSet(env, "HF_HOME");
        Path hfCache = hubCache != null ? expand(hubCache, home)
                : hfHome != null ? expand(hfHome, home).resolve("hub")
                : Path.of(home, ".cache", "huggingface", "hub");
        return new HubSettings(firstSet(env, "HF_ENDPOINT"), token, cache, hfCache, DEFAULT_CONNECT_TIMEOUT);
    }

    /** {@code AIPERF_CACHE_DIR} from {@code env}, else {@code ~/.cache/aiperf}; {@code home} stands for {@code ~}. */
    public static Path aiperfCacheDir(Map<String, String> env, String home) {
        String aiperfCache = firstSet(env, "AIPERF_CACHE_DIR");
        return aiperfCache != null ? expand(aiperfCache, home) : Path.of(home, ".cache", "aiperf");
    }

    /** These settings with another endpoint (tests, or a mirror chosen by the caller). */
    public HubSettings withEndpoint(String otherEndpoint) {
        return new HubSettings(otherEndpoint, token, cacheDir, hfHubCache, connectTimeout);
    }

    /** {@code {endpoint}/datasets/{repo}/resolve/{revision}/{file}}: a file of a dataset repository. */
    public URI datasetFile(String repo, String revision, String file) {
        return URI.create(endpoint + "/datasets/" + repo + "/resolve/" + segment(revision) + "/" + file);
    }

    /** {@code {endpoint}/{repo}/resolve/{revision}/{file}}: a file of a model repository. */
    public URI modelFile(String repo, String revision, String file) {
        return URI.create(endpoint + "/" + repo + "/resolve/" + segment(revision) + "/" + file);
    }

    /** The token stays out of logs and error messages. */
    @Override
    public String toString() {
        return "HubSettings[endpoint=" + endpoint + ", token=" + (token == null ? "none" : "***") + ", cacheDir="
                + cacheDir + ", hfHubCache=" + hfHubCache + ", connectTimeout=" + connectTimeout + "]";
    }

    /** A revision such as {@code refs/pr/1} is one path segment on the hub, so its slashes are escaped. */
    private static String segment(String revision) {
        return URLEncoder.encode(revision, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String firstSet(Map<String, String> env, String... names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static Path expand(String path, String home) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(home + path.substring(1));
        }
        return Path.of(path);
    }
}
