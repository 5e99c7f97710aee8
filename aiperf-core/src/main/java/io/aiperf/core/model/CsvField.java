package io.aiperf.core.model;

/** One CSV field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
public final class CsvField {

    private CsvField() {
    }

    /** {@code value} as a field; an empty field for null. */
    public static String of(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
