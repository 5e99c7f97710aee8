/**
 * Statistics shared by the modules that report numbers: {@link io.aiperf.core.stats.LinearPercentile}, numpy's
 * default percentile, used by the run summary's histograms and by the trace tools' exact statistics.
 */
package io.aiperf.core.stats;
