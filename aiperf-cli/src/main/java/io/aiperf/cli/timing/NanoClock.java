package io.aiperf.cli.timing;

import java.util.concurrent.locks.LockSupport;

/** The monotonic clock and the way to wait on it; the system one in production, a fake in tests. */
public interface NanoClock {

    long nanoTime();

    /** Parks the calling thread up to {@code nanos}; may return early. */
    void park(long nanos);

    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void park(long nanos) {
            LockSupport.parkNanos(nanos);
        }
    };
}
