package io.aiperf.cli.sweep;

import java.util.List;

/**
 * A YAML value as the sweep file needs it: the tree with the line each value starts on, so that every error can
 * name its line. Mapping keys keep the order they are written in.
 */
sealed interface YamlNode {

    /** The 1-based line the value starts on. */
    int line();

    /**
     * A scalar: {@code value} is a String, Long, Double, Boolean or null (YAML's {@code ~} or nothing) as YAML reads
     * it; {@code text} is the scalar as written (so {@code 2.50} stays {@code 2.50} on the command line).
     */
    record Scalar(Object value, String text, int line) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line) implements YamlNode {
    }

    record Mapping(List<Entry> entries, int line) implements YamlNode {
    }

    /** One key of a mapping, with the line the key is on. */
    record Entry(String key, int line, YamlNode value) {
    }

    /** What a value is, in an error message. */
    static String kind(YamlNode node) {
        if (node instanceof Scalar s) {
            return s.value() == null ? "empty" : "a single value";
        }
        return node instanceof Sequence ? "a list" : "a mapping";
    }
}
