package io.aiperf.telemetry.gpu;

import io.aiperf.core.message.Message.GpuLive;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The dashboard's GPU statistics, taken on the scrape thread (the {@link GpuLiveStats}' one writer): after each round
 * it calls {@link #offer}, which at most once per {@link #INTERVAL_NS}, and only when a point arrived since the
 * previous snapshot, turns the statistics into an immutable {@link GpuLive} and leaves it for the bus thread
 * ({@link #take}). The hand-over is one atomic reference and nothing is locked: a snapshot the bus thread has not
 * taken yet is replaced by the newer one.
 */
public final class GpuLiveSnapshots {

    /** At most one snapshot per second, as the records manager's live metrics. */
    public static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final GpuLiveStats stats;
    private final LongSupplier nanoClock;
    private final AtomicReference<GpuLive> latest = new AtomicReference<>();

    /** Scrape thread only. */
    private long summarisedPoints;
    private long lastSnapshotNs;
    private boolean any;

    public GpuLiveSnapshots(GpuLiveStats stats, LongSupplier nanoClock) {
        this.stats = stats;
        this.nanoClock = nanoClock;
    }

    /** Scrape thread only: takes a snapshot if one is due and a point arrived since the last one. */
    public void offer() {
        long points = stats.points();
        if (points == summarisedPoints) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (any && now - lastSnapshotNs < INTERVAL_NS) {
            return;
        }
        any = true;
        lastSnapshotNs = now;
        summarisedPoints = points;
        latest.set(new GpuLive(stats.rows()));
    }

    /** Any thread: the snapshot not taken yet, or null. */
    public GpuLive take() {
        return latest.getAndSet(null);
    }
}
