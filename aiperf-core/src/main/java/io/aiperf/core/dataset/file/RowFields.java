package io.aiperf.core.dataset.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed, validated access to the fields of one row (or of one object inside a row, such as a multi_turn turn).
 * A JSON {@code null} counts as an absent field. Every failure is a {@link DatasetFileException} at the row's line;
 * inside a nested object the message starts with its path, e.g. {@code turns[1]: 'text' must be a string}.
 */
final class RowFields {

    private static final int MAX_SHOWN = 40;

    private final String file;
    private final int line;
    private final String where;
    private final ObjectNode node;
    private final MediaFiles media;

    /** @param media how the row's local media files are found and read (relative to the dataset file's folder) */
    RowFields(String file, int line, String where, ObjectNode node, MediaFiles media) {
        this.file = file;
        this.line = line;
        this.where = where == null ? "" : where;
        this.node = node;
        this.media = media;
    }

    MediaFiles media() {
        return media;
    }

    int line() {
        return line;
    }

    ObjectNode node() {
        return node;
    }

    /** The whole row (or nested object) is wrong. */
    DatasetFileException error(String what) {
        return DatasetFileException.atLine(file, line, where.isEmpty() ? what : where + ": " + what);
    }

    /** Fields of a nested object of this row. */
    RowFields nested(String path, ObjectNode child) {
        return new RowFields(file, line, where.isEmpty() ? path : where + "." + path, child, media);
    }

    /** Refuses the first field (in row order) that is not in {@code allowed}. */
    void onlyKeys(Set<String> allowed, String rowKind) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error("unknown field '" + name + "' for a " + rowKind + " ("
                        + String.join(", ", allowed.stream().sorted().toList()) + " are allowed)");
            }
        }
    }

    /** Present and not null. */
    boolean has(String key) {
        JsonNode v = node.get(key);
        return v != null && !v.isNull();
    }

    /** Refuses both fields being present. */
    void exclusive(String a, String b) {
        if (has(a) && has(b)) {
            throw error("'" + a + "' and '" + b + "' are mutually exclusive");
        }
    }

    /** The optional {@code type} field must name {@code expected}. */
    void checkType(String expected) {
        if (!has("type")) {
            return;
        }
        String type = string("type");
        if (!type.equals(expected)) {
            throw error("'type' is '" + type + "' but the file is read as " + expected);
        }
    }

    /** A string field, or null when absent. */
    String string(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw error("'" + key + "' must be a string, found " + kind(v));
        }
        return v.textValue();
    }

    /** A non-empty string field, or null when absent. */
    String nonEmptyString(String key) {
        String s = string(key);
        if (s != null && s.isEmpty()) {
            throw error("'" + key + "' must not be empty");
        }
        return s;
    }

    /** A finite non-negative number, or null when absent. */
    Double nonNegativeNumber(String key, String unit) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw error("'" + key + "' must be a number (" + unit + "), found " + kind(v));
        }
        double d = v.doubleValue();
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            throw error("'" + key + "' is not a finite number");
        }
        if (d < 0) {
            throw error("'" + key + "' must not be negative, found " + shown(v));
        }
        return d;
    }

    /** An integer {@code >= 1} (a number with no fractional part, e.g. {@code 12} or {@code 12.0}), or null. */
    Integer positiveInt(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        long n = integral(key, v);
        if (n < 1) {
            throw error("'" + key + "' must be a positive integer, found " + shown(v));
        }
        if (n > Integer.MAX_VALUE) {
            throw error("'" + key + "' is too large: " + shown(v));
        }
        return (int) n;
    }

    /** An integer {@code >= min}, or null when absent. */
    Long integer(String key, long min) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        long n = integral(key, v);
        if (n < min) {
            throw error("'" + key + "' must be an integer of at least " + min + ", found " + shown(v));
        }
        return n;
    }

    /** Refuses an absent (or null) field. */
    void require(String key) {
        if (!has(key)) {
            throw error("'" + key + "' is required");
        }
    }

    /** A list of non-negative integers (each fitting in an int), or null when absent. */
    List<Integer> nonNegativeIntList(String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw error("'" + key + "' must be a list of integers, found " + kind(v));
        }
        List<Integer> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber()) {
                throw error("'" + key + "[" + i + "]' must be an integer, found " + kind(e));
            }
            long n = integral(key + "[" + i + "]", e);
            if (n < 0 || n > Integer.MAX_VALUE) {
                throw error("'" + key + "[" + i + "]' must be a non-negative integer below 2^31, found " + shown(e));
            }
            out.add((int) n);
        }
        return out;
    }

    private long integral(String key, JsonNode v) {
        if (!v.isNumber()) {
            throw error("'" + key + "' must be an integer, found " + kind(v));
        }
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong()) {
                throw error("'" + key + "' is too large: " + shown(v));
            }
            return v.longValue();
        }
        double d = v.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d) || Math.abs(d) > 1e18) {
            throw error("'" + key + "' must be an integer, found " + shown(v));
        }
        return (long) d;
    }

    /** A short description of a JSON value for messages: its type and, for scalars, its text. */
    static String kind(JsonNode v) {
        if (v == null || v.isNull()) {
            return "null";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        if (v.isTextual()) {
            return "a string " + shown(v);
        }
        if (v.isBoolean()) {
            return "a boolean " + v.asText();
        }
        if (v.isNumber()) {
            return "a number " + shown(v);
        }
        return shown(v);
    }

    static String shown(JsonNode v) {
        String s = v.toString();
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
    }
}
