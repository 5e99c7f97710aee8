/**
 * The metric catalogue, the metric registry and per-request metric computation.
 * {@link io.aiperf.records.metric.MetricCatalog} lists every metric's spec (tag, header, units, console order and
 * flags; AIPerf 0.7.0 names) in catalogue order; each metric's formula is a small
 * {@link io.aiperf.records.metric.MetricDefinition} class in {@code defs} (record, aggregate or derived) that names
 * the tags it reads; {@link io.aiperf.records.metric.MetricRegistry} keeps the ones a run computes in dependency
 * order. {@link io.aiperf.records.metric.RecordMetrics} turns one {@link io.aiperf.core.message.RequestRecord} into
 * a {@link io.aiperf.records.metric.MetricRecord} of base-unit values (ns, tokens, tokens/sec);
 * {@link io.aiperf.records.metric.GoodputSlos} judges a record against {@code --goodput}. See docs/metrics.md.
 *
 * <p>Threading: everything here is immutable or stateless; {@code RecordMetrics.compute} may run on several
 * threads at once.
 */
package io.aiperf.records.metric;
