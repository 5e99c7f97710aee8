/**
 * The metric catalogue and per-request metric computation. {@link io.aiperf.records.metric.MetricCatalog} lists
 * every metric's tag, header, units, console order and flags (AIPerf 0.7.0 names);
 * {@link io.aiperf.records.metric.RecordMetrics} turns one {@link io.aiperf.core.message.RequestRecord} into a
 * {@link io.aiperf.records.metric.MetricRecord} of base-unit values (ns, tokens, tokens/sec).
 *
 * <p>Threading: everything here is immutable or stateless; {@code RecordMetrics.compute} may run on several
 * threads at once.
 */
package io.aiperf.records.metric;
