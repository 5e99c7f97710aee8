package io.aiperf.core.dataset.accuracy;

/** The contents of LaTeX's {@code \boxed{...}}, braces matched (answers such as {@code \frac{1}{2}} nest them). */
public final class Boxed {

    private static final String OPEN = "\\boxed{";
    private static final String FBOX = "\\fbox{";

    private Boxed() {
    }

    /** The contents of the last {@code \boxed{}} (or {@code \fbox{}}) in {@code text}, or null when there is none. */
    public static String last(String text) {
        if (text == null) {
            return null;
        }
        int at = Math.max(text.lastIndexOf(OPEN), text.lastIndexOf(FBOX));
        while (at >= 0) {
            int start = text.indexOf('{', at) + 1;
            int depth = 1;
            for (int i = start; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return text.substring(start, i);
                }
            }
            // unclosed: try an earlier one
            at = at == 0 ? -1 : Math.max(text.lastIndexOf(OPEN, at - 1), text.lastIndexOf(FBOX, at - 1));
        }
        return null;
    }
}
