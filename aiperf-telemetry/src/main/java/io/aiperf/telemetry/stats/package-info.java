/**
 * Arithmetic on scraped metrics, as PromQL would do it for a benchmark's window: a histogram's quantile from its
 * cumulative buckets and the bucket-wise difference of two scrapes
 * ({@link io.aiperf.telemetry.stats.HistogramQuantile}), and a counter's increase across resets
 * ({@link io.aiperf.telemetry.stats.CounterDelta}). Pure functions on values, so they know nothing of the text
 * formats; called on the telemetry service's thread when a run's telemetry is summarised.
 */
package io.aiperf.telemetry.stats;
