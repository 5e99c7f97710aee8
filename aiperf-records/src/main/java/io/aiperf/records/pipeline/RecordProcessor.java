package io.aiperf.records.pipeline;

import io.aiperf.records.metric.MetricRecord;

/**
 * Turns one message off the records socket into a request's metrics. Called by every processor thread of a
 * {@link RecordPipeline} at once, so it must be thread-safe (decoding and {@code RecordMetrics.compute} are).
 */
@FunctionalInterface
public interface RecordProcessor {

    /** The profiling record's metrics, or null for a message that is not one (warmup records, other types). */
    MetricRecord process(byte[] message) throws Exception;
}
