/**
 * Distributions of metric values: exact count/sum/min/max/mean/std plus HdrHistogram-backed, numpy-compatible
 * percentiles in constant memory. See {@link io.aiperf.records.histogram.Distribution} for the precision contract.
 *
 * <p>Threading: single writer. A distribution is filled and summarised by one thread (the records manager's
 * consumer thread); nothing here synchronises.
 */
package io.aiperf.records.histogram;
