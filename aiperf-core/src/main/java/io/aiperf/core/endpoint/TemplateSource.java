package io.aiperf.core.endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a {@code payload_template} comes from, resolved as AIPerf does: a named template, else the file at that path,
 * else the value itself as an inline Jinja2 template.
 *
 * <p>One difference: AIPerf takes a path that does not exist as inline text and then fails on every request with
 * "did not render valid JSON". A value with no {@code {} cannot be a template of a JSON object, so here it is taken
 * for a mistyped path and refused before the run starts.
 */
final class TemplateSource {

    /** AIPerf's named templates. */
    static final Map<String, String> NAMED = Map.of("nv-embedqa", "{\"text\": {{ texts|tojson }}}");

    private TemplateSource() {
    }

    /**
     * @param value the {@code payload_template} extra input
     * @return the template text
     * @throws IllegalArgumentException when the value names a file that cannot be read or does not exist
     */
    static String resolve(String value) {
        String named = NAMED.get(value);
        if (named != null) {
            return named;
        }
        Path path = path(value);
        if (path != null && Files.isRegularFile(path)) {
            try {
                return Files.readString(path);
            } catch (IOException e) {
                throw new IllegalArgumentException("payload_template: cannot read " + path + ": " + e.getMessage(), e);
            }
        }
        if (value.indexOf('{') < 0) {
            throw new IllegalArgumentException("payload_template '" + value + "': no such file (and not a named"
                    + " template such as nv-embedqa, nor an inline Jinja2 template of a JSON object)");
        }
        return value;
    }

    private static Path path(String value) {
        if (value.isEmpty() || value.indexOf('\n') >= 0) {
            return null;
        }
        String expanded = value.equals("~") || value.startsWith("~/")
                ? System.getProperty("user.home") + value.substring(1) : value;
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
