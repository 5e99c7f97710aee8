package io.aiperf.telemetry.prometheus;

/**
 * Unescapes a {@code # HELP} text: {@code \\} and {@code \n} in both formats, {@code \"} in OpenMetrics only. Any other
 * backslash is kept as written: help is only shown to people, so an odd escape is not worth a problem.
 */
final class HelpText {

    private HelpText() {
    }

    static String unescape(String escaped, boolean openMetrics) {
        if (escaped.indexOf('\\') < 0) {
            return escaped;
        }
        StringBuilder out = new StringBuilder(escaped.length());
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            char next = i + 1 < escaped.length() ? escaped.charAt(i + 1) : '\0';
            if (c == '\\' && (next == '\\' || next == 'n' || (openMetrics && next == '"'))) {
                out.append(next == 'n' ? '\n' : next);
                i += 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
