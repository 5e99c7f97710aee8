package io.aiperf.mock;

import java.util.Locale;

/**
 * A failure the mock can inject into an inference request, so the client's error handling can be tested end to end.
 * Each names its command-line spelling ({@code --fault NAME:PCT}); {@link #HTTP_500} is {@code --error-rate}.
 *
 * <p>Which routes honour which fault: {@link #HTTP_500}, {@link #HTTP_429}, {@link #HTTP_503}, {@link #STALL},
 * {@link #RESET} and {@link #OVERSIZE} apply to every inference route; the others shape an OpenAI chat/completions
 * answer and apply to {@code /v1/chat/completions} and {@code /v1/completions} only (other routes answer normally
 * when drawn for them). {@link #SSE_ERROR}, {@link #ENDLESS_STREAM} and {@link #MALFORMED_SSE} need a stream: a
 * non-streaming request drawn for them answers normally.
 */
public enum Fault {
    /** Answer HTTP 500 with an OpenAI error body. */
    HTTP_500("http-500"),
    /** Stream half the tokens, then an {@code event: error} block whose {@code :} comment carries the message. */
    SSE_ERROR("sse-error"),
    /** A 200 whose body (or, streaming, one {@code data:} line after half the tokens) is truncated JSON. */
    MALFORMED_JSON("malformed-json"),
    /** A 200 whose {@code choices} list is empty (streaming: every chunk), with usage: a zero-content answer. */
    EMPTY_CHOICES("empty-choices"),
    /** A 200 whose only choice has empty text: a zero-content answer. */
    EMPTY_CONTENT("empty-content"),
    /** Close the connection with a TCP reset: at once when not streaming, after half the tokens when streaming. */
    RESET("reset"),
    /** Read the request and never answer: the client's request timeout must end it. */
    STALL("stall"),
    /** Answer HTTP 429 with {@code Retry-After} and an OpenAI rate-limit body: a rate-limited API. */
    HTTP_429("http-429"),
    /** Answer HTTP 503 with {@code Retry-After}: an overloaded server or a proxy without a healthy backend. */
    HTTP_503("http-503"),
    /**
     * A 200 that never ends, as fast as the client reads it: a whole JSON body that keeps growing, or (streaming) one
     * {@code data:} line that never ends. Only the client's per-response cap stops it.
     */
    OVERSIZE("oversize"),
    /** A stream of valid token events with no delay and no end (a non-streaming request answers normally). */
    ENDLESS_STREAM("endless-stream"),
    /**
     * A stream whose lines are JSON without the {@code data:} field name (NDJSON sent as an event stream), so no
     * line is an event (a non-streaming request answers normally).
     */
    MALFORMED_SSE("malformed-sse");

    /** What {@link #HTTP_429} and {@link #HTTP_503} send as {@code Retry-After}, in seconds. */
    static final int RETRY_AFTER_SECONDS = 1;

    /** The message every injected fault carries, so a client's error record can be traced back to the mock. */
    static final String MESSAGE = "mock injected error";

    public final String cliName;

    Fault(String cliName) {
        this.cliName = cliName;
    }

    /** Only a stream can carry this fault: a non-streaming request drawn for it is answered normally. */
    boolean needsStream() {
        return this == SSE_ERROR || this == ENDLESS_STREAM || this == MALFORMED_SSE;
    }

    /** The fault spelled {@code name} on the command line (case-insensitive, {@code _} for {@code -}), or null. */
    public static Fault byCliName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Fault f : values()) {
            if (f.cliName.equals(n)) {
                return f;
            }
        }
        return null;
    }

    static String cliNames() {
        StringBuilder b = new StringBuilder();
        for (Fault f : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(f.cliName);
        }
        return b.toString();
    }
}
