package io.aiperf.core.load;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Predicate;

/**
 * Sessions waiting for a due time (a later turn, or a user's next slot), earliest first and, on a tie, in the order
 * they were queued. An entry may be released up to {@link SendAhead#leadNs} before its time (the worker holds the
 * credit until then); it makes a pass due {@link SendAhead#urgentNs} before it.
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
    private final SendAhead ahead;
    private long seq;

    DueQueue(SendAhead ahead) {
        this.ahead = ahead;
    }

    void add(long atNs, Session session) {
        queue.add(new Due(atNs, seq++, session));
    }

    /** The earliest entry may go out at {@code nowNs}. */
    boolean releasable(long nowNs) {
        Due head = queue.peek();
        return head != null && ahead.takes(head.atNs, nowNs);
    }

    /** The due time of the earliest entry; the queue must not be empty. */
    long headAtNs() {
        return queue.element().atNs;
    }

    Session poll() {
        return queue.remove().session;
    }

    /** When the earliest entry makes a pass due, or {@link Long#MAX_VALUE} when the queue is empty. */
    long wakeNs() {
        Due head = queue.peek();
        return head == null ? Long.MAX_VALUE : ahead.wakeNs(head.atNs);
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Takes out every waiting session that {@code which} accepts, in queue order. */
    List<Session> removeIf(Predicate<Session> which) {
        List<Due> taken = new ArrayList<>();
        queue.removeIf(d -> which.test(d.session) && taken.add(d));
        taken.sort(null);
        List<Session> out = new ArrayList<>(taken.size());
        taken.forEach(d -> out.add(d.session));
        return out;
    }

    void clear() {
        queue.clear();
    }
}
