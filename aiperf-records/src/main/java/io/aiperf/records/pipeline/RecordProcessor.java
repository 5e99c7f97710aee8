package io.aiperf.records.pipeline;

import io.aiperf.records.metric.MetricRecord;

import java.util.List;

/**
 * Turns one message off the records socket into its requests' metrics. Called by every processor thread of a
 * {@link RecordPipeline} at once, so it must be thread-safe (decoding and {@code RecordMetrics.compute} are).
 */
@FunctionalInterface
public interface RecordProcessor {

    /**
     * The metrics of the profiling records in one message off the socket (one record, or a worker's batch of them),
     * in their order; empty for a message that holds none (warmup records, other types).
     */
    List<MetricRecord> process(byte[] message) throws Exception;
}
