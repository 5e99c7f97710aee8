package io.aiperf.mock;

import java.util.Arrays;

/**
 * When the server handed each part of one response to its channel, on the {@link System#nanoTime()} scale of
 * {@link RequestRecord#arrivalNs()}: the server's own clock, for a benchmark to compare a client's TTFT and latency
 * with. Each stamp is taken just before the write, so it excludes the client and the network but includes nothing
 * the server does after deciding to write.
 *
 * <p>One writer (the connection's event loop), any number of readers (the request-log route, tests). The writer sets
 * a stamp, then the volatile {@link #events} count or {@link #endNs}, so a reader that reads those first sees every
 * stamp before them. The per-event stamps cost one {@code long[]}, sized from the answer's token count; records past
 * {@link RequestLog#MAX_STAMPED} in a log, and events past {@link #MAX_EVENT_STAMPS} in a response, keep only the
 * count and the first and last stamps.
 */
public final class ResponseWrites {

    /** Per-event stamps kept for one response (a 64k-token answer); later events still count. */
    static final int MAX_EVENT_STAMPS = 65_536;
    private static final int DEFAULT_CAPACITY = 16;

    private volatile long responseNs = -1;
    private volatile long endNs = -1;
    private volatile int events;
    private long firstEventNs = -1;
    private long lastEventNs = -1;
    private boolean keepEvents;
    private int expectedEvents = DEFAULT_CAPACITY;
    private long[] eventNs;

    /** Keep every event's stamp (the request log decides, by the record's position). */
    void keepEventStamps() {
        keepEvents = true;
    }

    /** How many events the answer will have, so the stamp array is allocated once at the right size. */
    void expectEvents(int count) {
        expectedEvents = Math.max(1, Math.min(count, MAX_EVENT_STAMPS));
    }

    /** The status line and headers are about to be written (for a whole response: the whole of it). */
    void response(long nowNs) {
        responseNs = nowNs;
    }

    /** One SSE event is about to be written. */
    void event(long nowNs) {
        int n = events;
        if (n == 0) {
            firstEventNs = nowNs;
        }
        lastEventNs = nowNs;
        if (keepEvents && n < MAX_EVENT_STAMPS) {
            if (eventNs == null) {
                eventNs = new long[expectedEvents];
            } else if (n == eventNs.length) {
                eventNs = Arrays.copyOf(eventNs, Math.min(MAX_EVENT_STAMPS, 2 * n));
            }
            eventNs[n] = nowNs;
        }
        events = n + 1;
    }

    /** The write that completes the response (a stream's terminating chunk, or a whole response) is about to go. */
    void end(long nowNs) {
        endNs = nowNs;
    }

    /** When the status line and headers were written; -1 before that. */
    public long responseNs() {
        return responseNs;
    }

    /** SSE events written so far (0 for a whole response). */
    public int events() {
        return events;
    }

    /** When the first SSE event was written; -1 if none was. */
    public long firstEventNs() {
        return events > 0 ? firstEventNs : -1;
    }

    /** When the latest SSE event was written; -1 if none was. */
    public long lastEventNs() {
        return events > 0 ? lastEventNs : -1;
    }

    /** When the write that completed the response went out; -1 if it has not (yet, or the connection dropped). */
    public long endNs() {
        return endNs;
    }

    /** Every event's stamp, in order, or null when this response's stamps are not kept. */
    public long[] eventNs() {
        int n = events;
        long[] stamps = eventNs;
        if (!keepEvents) {
            return null;
        }
        return stamps == null ? new long[0] : Arrays.copyOf(stamps, Math.min(n, stamps.length));
    }
}
