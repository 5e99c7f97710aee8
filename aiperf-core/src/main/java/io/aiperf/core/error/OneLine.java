package io.aiperf.core.error;

/**
 * The one way a failure becomes a line for the user, a log or an error record: every run of white space (newlines
 * included) folded into one space. Text we did not write (an exception's message, a server's error body) is also cut
 * at {@link #MAX_CHARS} characters with an ellipsis; a message written for the user is never cut, since its end
 * usually says what to do.
 */
public final class OneLine {

    /** The longest message kept; a server's error page or a stack-trace-like message is cut here. */
    public static final int MAX_CHARS = 300;

    private OneLine() {
    }

    /** Foreign {@code text} on one line, cut at {@link #MAX_CHARS}; {@code "unknown error"} when null or blank. */
    public static String of(String text) {
        String line = fold(text);
        return line.length() <= MAX_CHARS ? line : line.substring(0, MAX_CHARS) + "…";
    }

    /** A message of ours on one line, whole; {@code "unknown error"} when it is null or blank. */
    public static String fold(String text) {
        if (text == null || text.isBlank()) {
            return "unknown error";
        }
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * What went wrong, on one line: the message of the first {@link AiperfException} in the cause chain (written for
     * the user), else of the innermost cause that has one (the outer ones only wrap it), else the innermost
     * exception's class name.
     */
    public static String of(Throwable failure) {
        String innermost = null;
        Throwable last = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AiperfException && t.getMessage() != null && !t.getMessage().isBlank()) {
                return fold(t.getMessage());
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                innermost = t.getMessage();
            }
            last = t;
        }
        return innermost != null ? of(innermost) : last.getClass().getSimpleName();
    }

    /**
     * {@code failure}'s own message (its class name when it has none) on one line, cut at {@link #MAX_CHARS}: for a
     * failure recorded as data, where the exception caught is the one that names what went wrong (Netty's
     * connect exception carries the address its cause lacks).
     */
    public static String messageOf(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : of(m);
    }
}
