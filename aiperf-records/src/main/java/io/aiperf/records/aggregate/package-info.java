/**
 * Run-level aggregation: {@link io.aiperf.records.aggregate.RecordAggregator} folds the profiling phase's
 * {@link io.aiperf.records.metric.MetricRecord}s into an immutable
 * {@link io.aiperf.records.aggregate.ProfileSummary} (display units), which every exporter and the console table
 * render, so all outputs agree.
 *
 * <p>Threading: the aggregator is single-writer; the summary is immutable and may be handed to any thread.
 */
package io.aiperf.records.aggregate;
