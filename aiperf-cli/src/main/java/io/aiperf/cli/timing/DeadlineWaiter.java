package io.aiperf.cli.timing;

/**
 * Waits for an absolute {@code System.nanoTime()} deadline: parks while it is far, spins for the last stretch, so
 * the wake-up is within microseconds of the deadline instead of the scheduler's tens of microseconds to milliseconds.
 * The caller passes a {@code between} action (poll the sockets) that runs at least once every park, so a wait never
 * holds back returns.
 */
public final class DeadlineWaiter {

    /** Below this the waiter spins instead of parking: park's wake-up jitter on Linux is tens of microseconds. */
    static final long SPIN_NS = 100_000;
    /** Longest single park, so {@code between} keeps running while waiting. */
    static final long MAX_PARK_NS = 200_000;

    private final NanoClock clock;

    public DeadlineWaiter(NanoClock clock) {
        this.clock = clock;
    }

    /**
     * Returns when the clock reaches {@code deadlineNs} or {@code between} returns true (something to do now).
     *
     * @return the clock reading at return
     */
    public long awaitUntil(long deadlineNs, java.util.function.BooleanSupplier between) {
        while (true) {
            if (between.getAsBoolean()) {
                return clock.nanoTime();
            }
            long now = clock.nanoTime();
            long remaining = deadlineNs - now;
            if (remaining <= 0) {
                return now;
            }
            if (remaining > SPIN_NS) {
                clock.park(Math.min(remaining - SPIN_NS, MAX_PARK_NS));
            } else {
                Thread.onSpinWait();
            }
        }
    }
}
