package io.aiperf.core.load;

import java.util.PriorityQueue;

/**
 * Sessions waiting for a due time (a later turn, or a user's next slot), earliest first and, on a tie, in the order
 * they were queued. An entry is released {@code leadNs} before its time: the worker holds the credit until then.
 */
final class DueQueue {

    private record Due(long atNs, long seq, Session session) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = Long.compare(atNs, o.atNs);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>();
    private final long leadNs;
    private long seq;

    DueQueue(long leadNs) {
        this.leadNs = leadNs;
    }

    void add(long atNs, Session session) {
        queue.add(new Due(atNs, seq++, session));
    }

    /** The earliest entry may go out at {@code nowNs}. */
    boolean releasable(long nowNs) {
        Due head = queue.peek();
        return head != null && head.atNs - leadNs <= nowNs;
    }

    /** The due time of the earliest entry; the queue must not be empty. */
    long headAtNs() {
        return queue.element().atNs;
    }

    Session poll() {
        return queue.remove().session;
    }

    /** When the earliest entry becomes releasable, or {@link Long#MAX_VALUE} when the queue is empty. */
    long wakeNs() {
        Due head = queue.peek();
        return head == null ? Long.MAX_VALUE : head.atNs - leadNs;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void clear() {
        queue.clear();
    }
}
