package io.aiperf.records.pipeline;

import io.aiperf.core.message.Message.LiveMetrics;
import io.aiperf.core.service.SnapshotHandoff;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.export.LiveMetricRows;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The live UI's statistics, taken on the sink thread, the aggregator's one writer: after a record and when the sink
 * is idle it calls {@link #offer}, which at most once per {@link #INTERVAL_NS}, and only when a record arrived since
 * the previous snapshot, summarises the aggregator into an immutable {@link LiveMetrics} and leaves it for the bus
 * thread ({@link #take}). Nothing is locked and nothing is copied per record: the aggregator's histograms are
 * cumulative, so a snapshot reads them as they stand (its cost grows with the histograms' buckets, not with the
 * records); between snapshots {@link #offer} compares one counter. The hand-over is one atomic reference: a
 * snapshot the bus thread has not taken yet is replaced by the newer one.
 */
final class LiveSnapshots {

    /** At most one snapshot per second. */
    static final long INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final RecordAggregator aggregator;
    private final SnapshotHandoff<LiveMetrics> handoff;

    LiveSnapshots(RecordAggregator aggregator, LongSupplier nanoClock) {
        this.aggregator = aggregator;
        this.handoff = new SnapshotHandoff<>(INTERVAL_NS, nanoClock);
    }

    /** Sink thread only: takes a snapshot if one is due and records arrived since the last one. */
    void offer() {
        long count = aggregator.requestCount() + aggregator.errorRequestCount();
        handoff.offer(count, () -> new LiveMetrics(count, aggregator.errorRequestCount(),
                LiveMetricRows.of(aggregator.summarize())));
    }

    /** Any thread: the snapshot not taken yet, or null. */
    LiveMetrics take() {
        return handoff.take();
    }
}
