package io.aiperf.records.export;

import io.aiperf.core.model.CreditPhase;
import io.aiperf.records.aggregate.ProfileSummary;
import io.aiperf.records.aggregate.RecordAggregator;
import io.aiperf.records.metric.MetricRecord;
import io.aiperf.records.metric.MetricRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits the profiling records into fixed-width time slices and aggregates each slice on its own (reference §6.7):
 * a record belongs to slice {@code floor(request_start_ns / slice_ns)} of the wall clock, and slices are re-indexed
 * so that the first one holding a record is 0. Each slice has its own {@link RecordAggregator}, so its derived
 * metrics (throughputs, benchmark duration) come from that slice's requests alone. Memory grows with the number of
 * slices, never with the number of requests.
 *
 * <p><b>Single writer:</b> not thread-safe, like the aggregator.
 */
public final class TimeSlices {

    /** One slice's results. */
    public record Slice(int index, long startEpochNs, long endEpochNs, ProfileSummary summary) {
    }

    private final long sliceNs;
    private final boolean openLoop;
    private final TreeMap<Long, RecordAggregator> slices = new TreeMap<>();
    private final MetricRegistry registry;

    /**
     * @param registry the run's metrics, so each slice computes what the whole-run summary computes (goodput too)
     */
    public TimeSlices(double sliceDurationSeconds, boolean openLoop, MetricRegistry registry) {
        this.registry = registry;
        if (!(sliceDurationSeconds > 0)) {
            throw new IllegalArgumentException("slice duration must be positive: " + sliceDurationSeconds);
        }
        this.sliceNs = Math.max(1L, Math.round(sliceDurationSeconds * 1e9));
        this.openLoop = openLoop;
    }

    /** Adds a profiling record to its slice; other phases are ignored. */
    public void add(MetricRecord record) {
        if (record.record().phase() != CreditPhase.PROFILING) {
            return;
        }
        long slice = Math.floorDiv(record.record().startEpochNs(), sliceNs);
        slices.computeIfAbsent(slice, s -> new RecordAggregator(openLoop, registry)).add(record);
    }

    /** The slices that hold at least one record, in time order; an empty slice inside the run keeps its index. */
    public List<Slice> summarize() {
        List<Slice> out = new ArrayList<>(slices.size());
        if (slices.isEmpty()) {
            return out;
        }
        long first = slices.firstKey();
        for (Map.Entry<Long, RecordAggregator> entry : slices.entrySet()) {
            long slice = entry.getKey();
            out.add(new Slice(Math.toIntExact(slice - first), slice * sliceNs, (slice + 1) * sliceNs,
                    entry.getValue().summarize()));
        }
        return out;
    }
}
