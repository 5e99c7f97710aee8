package io.aiperf.telemetry.prometheus;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads one sample line: {@code name{label="value",...} value [timestamp]}, in OpenMetrics optionally followed by an
 * exemplar {@code # {labels} value [timestamp]}, which is checked and dropped (the benchmark has no use for it).
 * One instance per line: it is a cursor over that line.
 */
final class SampleLineParser {

    private final String line;
    private final boolean openMetrics;
    private int pos;

    private SampleLineParser(String line, boolean openMetrics) {
        this.line = line;
        this.openMetrics = openMetrics;
    }

    static Sample parse(String line, boolean openMetrics) throws MalformedLineException {
        return new SampleLineParser(line, openMetrics).sample();
    }

    /** Whether {@code name} is a valid metric name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    static boolean isMetricName(String name) {
        if (name.isEmpty() || !isMetricNameStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isMetricNameStart(name.charAt(i)) && !isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private Sample sample() throws MalformedLineException {
        String name = metricName();
        boolean blank = skipBlanks();
        Map<String, String> labels = Map.of();
        if (peek() == '{') {
            labels = labels();
            blank = skipBlanks();
        }
        if (!blank) {
            throw problem("expected a blank before the value");
        }
        double value = ExpositionNumbers.value(token("value"));
        Long timestampMs = null;
        blank = skipBlanks();
        if (blank && !atEnd() && peek() != '#') {
            timestampMs = ExpositionNumbers.timestampMs(token("timestamp"), openMetrics);
            blank = skipBlanks();
        }
        if (!atEnd()) {
            if (openMetrics && blank && peek() == '#') {
                exemplar();
            } else {
                throw problem("unexpected text after the " + (timestampMs == null ? "value" : "timestamp"));
            }
        }
        return new Sample(name, labels, value, timestampMs);
    }

    private void exemplar() throws MalformedLineException {
        pos++; // '#'
        if (!skipBlanks() || peek() != '{') {
            throw problem("expected '# {labels} value' for an exemplar");
        }
        labels();
        if (!skipBlanks()) {
            throw problem("expected a blank before the exemplar's value");
        }
        ExpositionNumbers.value(token("exemplar value"));
        if (skipBlanks() && !atEnd()) {
            ExpositionNumbers.timestampMs(token("exemplar timestamp"), true);
            skipBlanks();
        }
        if (!atEnd()) {
            throw problem("unexpected text after the exemplar");
        }
    }

    private String metricName() throws MalformedLineException {
        int start = pos;
        if (atEnd() || !isMetricNameStart(peek())) {
            throw problem("expected a metric name");
        }
        while (!atEnd() && (isMetricNameStart(peek()) || isDigit(peek()))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    private Map<String, String> labels() throws MalformedLineException {
        pos++; // '{'
        Map<String, String> labels = new HashMap<>();
        while (true) {
            skipBlanks();
            if (atEnd()) {
                throw problem("label set not closed with '}'");
            }
            if (peek() == '}') {
                pos++;
                return labels;
            }
            String labelName = labelName();
            skipBlanks();
            expect('=', "expected '=' after label name " + labelName);
            skipBlanks();
            String labelValue = labelValue(labelName);
            if (labels.putIfAbsent(labelName, labelValue) != null) {
                throw problem("label " + labelName + " given twice");
            }
            skipBlanks();
            if (!atEnd() && peek() == ',') {
                pos++; // a trailing comma before '}' is allowed
            } else if (atEnd() || peek() != '}') {
                throw problem("expected ',' or '}' after the value of label " + labelName);
            }
        }
    }

    private String labelName() throws MalformedLineException {
        int start = pos;
        if (atEnd() || !isLabelNameStart(peek())) {
            throw problem("expected a label name");
        }
        while (!atEnd() && (isLabelNameStart(peek()) || isDigit(peek()))) {
            pos++;
        }
        return line.substring(start, pos);
    }

    private String labelValue(String labelName) throws MalformedLineException {
        expect('"', "expected '\"' to open the value of label " + labelName);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw problem("value of label " + labelName + " not closed with '\"'");
            }
            char c = line.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (atEnd()) {
                throw problem("value of label " + labelName + " ends in a lone '\\'");
            }
            char escaped = line.charAt(pos++);
            switch (escaped) {
                case '\\' -> value.append('\\');
                case '"' -> value.append('"');
                case 'n' -> value.append('\n');
                default -> throw problem("unknown escape '\\" + escaped + "' in the value of label " + labelName);
            }
        }
    }

    /** The characters up to the next blank or the end of the line. */
    private String token(String what) throws MalformedLineException {
        int start = pos;
        while (!atEnd() && !isBlank(peek())) {
            pos++;
        }
        if (start == pos) {
            throw problem("expected a " + what);
        }
        return line.substring(start, pos);
    }

    private void expect(char c, String message) throws MalformedLineException {
        if (atEnd() || peek() != c) {
            throw problem(message);
        }
        pos++;
    }

    /** Skips spaces and tabs; says whether there were any. */
    private boolean skipBlanks() {
        int start = pos;
        while (!atEnd() && isBlank(peek())) {
            pos++;
        }
        return pos > start;
    }

    private boolean atEnd() {
        return pos >= line.length();
    }

    private char peek() {
        return atEnd() ? '\0' : line.charAt(pos);
    }

    private MalformedLineException problem(String message) {
        return new MalformedLineException(message + " (column " + (pos + 1) + ")");
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLabelNameStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isMetricNameStart(char c) {
        return isLabelNameStart(c) || c == ':';
    }
}
