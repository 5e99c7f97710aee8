package io.aiperf.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one redaction rule: which request headers are credentials, and which values of this run are secret, so that
 * none of them reaches a log line, an export or the echoed command line. Every place that writes a header or a
 * configuration uses it ({@link BenchmarkConfig#redacted()}, the worker's raw capture, {@code cli_command}, the log
 * layout of every JVM through {@link LogRedaction}).
 *
 * <p>A header is secret when its name (case-insensitive) is {@code Authorization}, {@code Proxy-Authorization},
 * {@code Cookie}, {@code Set-Cookie}, contains {@code api-key}, {@code apikey}, {@code token}, {@code secret} or
 * {@code password}, or was named by the user with {@code --secret-header}. Secret values are the API key and the
 * values of secret headers (for {@code Bearer x} and {@code Basic x} also {@code x} alone); {@link #mask} replaces
 * each of them wherever it occurs in a text. Values shorter than {@value #MIN_MASKED_CHARS} characters are not
 * masked in free text (they would mangle every line); they are still redacted wherever the header or option is
 * known by name. Immutable.
 */
public final class Secrets {

    /** What a secret is replaced with, everywhere. */
    public static final String REDACTED = "<redacted>";

    /** The shortest value {@link #mask} looks for in free text. */
    public static final int MIN_MASKED_CHARS = 4;

    /** No user-marked headers and no known values: the built-in header names only. */
    public static final Secrets BUILT_IN = new Secrets(Set.of(), List.of());

    private static final Set<String> SECRET_NAMES = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie");
    private static final List<String> SECRET_NAME_PARTS = List.of("api-key", "apikey", "token", "secret", "password");
    private static final List<String> AUTH_SCHEMES = List.of("bearer ", "basic ", "token ");

    private final Set<String> userHeaderNames;
    /** Longest first, so a value that contains another is masked whole. */
    private final List<String> values;

    private Secrets(Set<String> userHeaderNames, List<String> values) {
        this.userHeaderNames = Set.copyOf(userHeaderNames);
        this.values = List.copyOf(values);
    }

    /** The secrets of a run: its API key, its secret headers' values, its {@code --secret-header} names. */
    public static Secrets of(EndpointConfig endpoint) {
        return of(endpoint.apiKey(), endpoint.headers(), endpoint.secretHeaders());
    }

    /**
     * @param apiKey            {@code --api-key} (or {@code OPENAI_API_KEY}), or null
     * @param headers           the user's headers, name to value
     * @param secretHeaderNames {@code --secret-header} names
     */
    public static Secrets of(String apiKey, Map<String, String> headers, Collection<String> secretHeaderNames) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : secretHeaderNames) {
            names.add(name.trim().toLowerCase(Locale.ROOT));
        }
        Secrets byName = new Secrets(names, List.of());
        Set<String> values = new LinkedHashSet<>();
        addValue(values, apiKey);
        headers.forEach((name, value) -> {
            if (byName.isSecretHeader(name)) {
                addValue(values, value);
            }
        });
        List<String> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(names, sorted);
    }

    private static void addValue(Set<String> values, String value) {
        if (value == null) {
            return;
        }
        String v = value.strip();
        if (v.length() < MIN_MASKED_CHARS || v.equals(REDACTED)) {
            return;
        }
        values.add(v);
        String lower = v.toLowerCase(Locale.ROOT);
        for (String scheme : AUTH_SCHEMES) {
            if (lower.startsWith(scheme)) {
                addValue(values, v.substring(scheme.length()));
            }
        }
    }

    /** Whether a header of this name carries a credential (case-insensitive). */
    public boolean isSecretHeader(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (SECRET_NAMES.contains(n) || userHeaderNames.contains(n)) {
            return true;
        }
        for (String part : SECRET_NAME_PARTS) {
            if (n.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of {@code headers} (order kept) with every secret header's value replaced by {@link #REDACTED}. */
    public Map<String, String> redactHeaders(Map<String, String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        headers.forEach((name, value) -> out.put(name, isSecretHeader(name) ? REDACTED : value));
        return out;
    }

    /** {@code text} with every known secret value replaced by {@link #REDACTED}; null stays null. */
    public String mask(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : values) {
            if (out.contains(value)) {
                out = out.replace(value, REDACTED);
            }
        }
        return out;
    }

    /** Whether {@link #mask} has anything to look for. */
    public boolean hasValues() {
        return !values.isEmpty();
    }

    /** These secrets and {@code other}'s together. */
    public Secrets and(Secrets other) {
        Set<String> names = new LinkedHashSet<>(userHeaderNames);
        names.addAll(other.userHeaderNames);
        Set<String> all = new LinkedHashSet<>(values);
        all.addAll(other.values);
        List<String> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Secrets(names, sorted);
    }
}
