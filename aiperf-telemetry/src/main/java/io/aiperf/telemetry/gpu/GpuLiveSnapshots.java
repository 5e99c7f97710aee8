package io.aiperf.telemetry.gpu;

import io.aiperf.core.message.Message.GpuLive;
import io.aiperf.core.service.SnapshotHandoff;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The dashboard's GPU statistics, taken on the scrape thread (the {@link GpuLiveStats}' one writer): after each round
 * it calls {@link #offer}, which at most once per {@link #INTERVAL_NS}, and only when a point arrived since the
 * previous snapshot, turns the statistics into an immutable {@link GpuLive} and leaves it for the bus thread
 * ({@link #take}). The hand-over is the records manager's ({@link SnapshotHandoff}).
 */
public final class GpuLiveSnapshots {

    /** At most one snapshot per second, as the records manager's live metrics. */
    public static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final GpuLiveStats stats;
    private final SnapshotHandoff<GpuLive> handoff;

    public GpuLiveSnapshots(GpuLiveStats stats, LongSupplier nanoClock) {
        this.stats = stats;
        this.handoff = new SnapshotHandoff<>(INTERVAL_NS, nanoClock);
    }

    /** Scrape thread only: takes a snapshot if one is due and a point arrived since the last one. */
    public void offer() {
        handoff.offer(stats.points(), () -> new GpuLive(stats.rows()));
    }

    /** Any thread: the snapshot not taken yet, or null. */
    public GpuLive take() {
        return handoff.take();
    }
}
