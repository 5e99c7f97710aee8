package io.aiperf.worker.slots;

import io.aiperf.core.message.Credit;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * This worker's share of one phase's concurrency slots ({@link io.aiperf.core.message.Message.SlotShare}). A
 * session's first turn starts at once when a slot is free and otherwise waits here; when a session ends, its slot
 * starts the oldest waiting turn on the thread that freed it (the event loop that just finished the request), so no
 * bus round trip lies between a slot freed and the next request written.
 *
 * <p>Lock-free: the bus thread offers, event loops release. Every path that takes a slot takes it with a CAS before
 * it takes a waiter, and gives it back when the waiter was taken by another thread first, so at most {@code slots}
 * turns run at once and no waiter is left behind while a slot is free.
 */
public final class SlotGate {

    /** A first turn waiting for a slot, with its body (rendered on the bus thread before it waits). */
    public record Waiting(Credit credit, String payloadJson, String inputText) {
    }

    /** Where granted and refused turns go; called on the offering or the releasing thread, must not block. */
    public interface Outlet {
        /** {@code waiting} has a slot since {@code grantedNs}: send it now. */
        void start(Waiting waiting, long grantedNs);

        /** {@code credit} will never be sent: its sending window closed, or the phase was abandoned. */
        void unsent(Credit credit);
    }

    private final AtomicInteger free;
    /** The share: written by the bus thread only ({@link #resize}). */
    private int slots;
    private final long sendUntilNs;
    private final boolean windowed;
    private final Outlet outlet;
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * @param slots       turns that may run at once
     * @param sendUntilNs {@code System.nanoTime()} from which a waiting turn is refused, or {@code Long.MAX_VALUE}
     */
    public SlotGate(int slots, long sendUntilNs, Outlet outlet) {
        if (slots < 0) {
            throw new IllegalArgumentException("slots must be >= 0: " + slots);
        }
        this.free = new AtomicInteger(slots);
        this.slots = slots;
        this.sendUntilNs = sendUntilNs;
        this.windowed = sendUntilNs != Long.MAX_VALUE;
        this.outlet = outlet;
    }

    /** A first turn arrived: it starts now if a slot is free, else when one is. */
    public void offer(Waiting turn) {
        waiting.offer(turn);
        drain();
    }

    /** A session that held a slot ended (its final turn, or a failed one). */
    public void release() {
        free.incrementAndGet();
        drain();
    }

    /**
     * The share changed (another worker died and its slots were spread): from now on {@code newSlots} turns may run
     * at once. Running sessions keep their slots; a smaller share takes effect as they end. Bus thread only.
     */
    public void resize(int newSlots) {
        if (newSlots < 0) {
            throw new IllegalArgumentException("slots must be >= 0: " + newSlots);
        }
        int delta = newSlots - slots;
        slots = newSlots;
        if (delta != 0) {
            free.addAndGet(delta);
            drain();
        }
    }

    /** The phase is abandoned: every waiting turn, and every one offered later, is refused. */
    public void close() {
        closed = true;
        drain();
    }

    /** Turns waiting for a slot (a snapshot, for status). */
    public int waiting() {
        return waiting.size();
    }

    private void drain() {
        while (!waiting.isEmpty()) {
            long nowNs = System.nanoTime();
            if (closed || (windowed && nowNs - sendUntilNs >= 0)) {
                Waiting refused = waiting.poll();
                if (refused != null) {
                    outlet.unsent(refused.credit());
                }
                continue;
            }
            int f = free.get();
            if (f <= 0) {
                return;
            }
            if (!free.compareAndSet(f, f - 1)) {
                continue;
            }
            Waiting next = waiting.poll();
            if (next == null) {
                // Another thread took it, with a slot of its own: give this one back and look again.
                free.incrementAndGet();
                continue;
            }
            outlet.start(next, nowNs);
        }
    }
}
