package io.aiperf.core.service;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How a service's one writer thread hands live statistics to its bus thread without a lock: at most once per
 * interval, and only when what they summarise moved, the writer builds an immutable snapshot and leaves it in one
 * atomic reference; the bus thread takes it. A snapshot not taken yet is replaced by the newer one. The records
 * manager's live metrics and the telemetry manager's live GPU statistics both go this way.
 *
 * @param <T> the snapshot, immutable
 */
public final class SnapshotHandoff<T> {

    private final long intervalNs;
    private final LongSupplier nanoClock;
    private final AtomicReference<T> latest = new AtomicReference<>();

    /** Writer thread only. */
    private long summarisedVersion;
    private long lastSnapshotNs;
    private boolean any;

    public SnapshotHandoff(long intervalNs, LongSupplier nanoClock) {
        this.intervalNs = intervalNs;
        this.nanoClock = nanoClock;
    }

    /**
     * Writer thread only: builds a snapshot with {@code build} if one is due and {@code version} (a count of what
     * was folded in) moved since the last one.
     */
    public void offer(long version, Supplier<T> build) {
        if (version == summarisedVersion) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (any && now - lastSnapshotNs < intervalNs) {
            return;
        }
        any = true;
        lastSnapshotNs = now;
        summarisedVersion = version;
        latest.set(build.get());
    }

    /** Any thread: the snapshot not taken yet, or null. */
    public T take() {
        return latest.getAndSet(null);
    }
}
