package io.aiperf.mock;

import io.netty.handler.codec.http.HttpHeaders;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Arrival records and concurrency counters for inference requests, shared by all event loops of one server.
 * Lock-free so that recording never makes one event loop wait for another.
 *
 * <p>Records are capped at {@link #MAX_RECORDS}; past that, arrivals are only counted as dropped, so a long
 * soak run against the standalone server cannot exhaust the heap. Request bodies, which can be large, are kept for
 * the first {@link #MAX_BODIES} records only (their headers too), and per-event write stamps for the first {@link #MAX_STAMPED}.
 */
final class RequestLog {

    static final int MAX_RECORDS = 1_000_000;
    /** Requests whose parsed body is kept (bodies can be large: base64 media, long prompts). */
    static final int MAX_BODIES = 1_000;
    /** Requests whose every SSE event write is stamped (the others keep the first and last); 10k x OSL longs. */
    static final int MAX_STAMPED = 10_000;

    private final ConcurrentLinkedQueue<RequestRecord> records = new ConcurrentLinkedQueue<>();
    // ConcurrentLinkedQueue.size() walks the whole queue, so the cap needs its own counter.
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    /**
     * A request has fully arrived: record it (with a copy of {@code headers} while bodies are kept) and count it as in
     * flight until {@link #departed()}.
     */
    void arrived(RequestRecord record, HttpHeaders headers) {
        int position = stored.incrementAndGet();
        if (position <= MAX_RECORDS) {
            if (position <= MAX_STAMPED) {
                record.writes().keepEventStamps();
            }
            records.add(position <= MAX_BODIES ? record.withHeaders(copy(headers)) : record.withoutBody());
        } else {
            stored.decrementAndGet();
            dropped.incrementAndGet();
        }
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    private static Map<String, String> copy(HttpHeaders headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : headers) {
            out.merge(header.getKey(), header.getValue(), (a, b) -> a + ", " + b);
        }
        return Collections.unmodifiableMap(out);
    }

    /** The request's response has been fully written, or its connection is gone. */
    void departed() {
        inFlight.decrementAndGet();
    }

    List<RequestRecord> snapshot() {
        return List.copyOf(records);
    }

    int inFlight() {
        return inFlight.get();
    }

    int peakConcurrency() {
        return peak.get();
    }

    long dropped() {
        return dropped.get();
    }

    /**
     * Forgets all records and restarts peak tracking from the current in-flight count, so a test can
     * measure one phase at a time. Not atomic with respect to concurrent arrivals, which is fine for a mock.
     */
    void clear() {
        int removed = 0;
        while (records.poll() != null) {
            removed++;
        }
        stored.addAndGet(-removed);
        dropped.set(0);
        peak.set(inFlight.get());
    }
}
