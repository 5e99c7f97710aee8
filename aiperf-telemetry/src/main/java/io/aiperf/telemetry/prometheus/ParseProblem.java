package io.aiperf.telemetry.prometheus;

/**
 * A line the parser skipped, and why. The telemetry service logs it with the scraped URL; since the message quotes
 * text from an untrusted server, it is kept to one short line with control characters shown as escapes, so that it
 * cannot forge or garble log lines.
 *
 * @param line 1-based line number in the exposition
 */
public record ParseProblem(int line, String message) {

    static final int MAX_MESSAGE_LENGTH = 300;

    public ParseProblem {
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1, was " + line);
        }
        message = printable(message == null ? "" : message);
    }

    /** At most MAX_MESSAGE_LENGTH characters, then "..." if cut; control and line-separator characters escaped. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_LENGTH) + 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int kind = Character.getType(c);
            boolean escape = Character.isISOControl(c) || kind == Character.LINE_SEPARATOR
                    || kind == Character.PARAGRAPH_SEPARATOR;
            int width = escape ? 6 : 1;
            if (out.length() + width > MAX_MESSAGE_LENGTH) {
                return out.append("...").toString();
            }
            if (escape) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
