package io.aiperf.records.pipeline;

import io.aiperf.records.metric.MetricRecord;

import java.io.IOException;

/**
 * Where computed records end up: the {@code profile_export.jsonl} line and the aggregate. Called by the pipeline's
 * one sink thread only, so implementations need no locks.
 */
public interface RecordSink {

    /**
     * One profiling record, tagged with the processor that computed it.
     *
     * @return false when the sink dropped it (a second record of the same credit): it does not count as delivered
     */
    boolean accept(MetricRecord record, String recordProcessorId) throws IOException;

    /** Nothing arrived for a short while: a chance to push buffered output to disk. */
    default void idle() throws IOException {
    }

    /** The last record has been accepted (or the pipeline failed); runs on the sink thread. */
    default void close() throws IOException {
    }
}
