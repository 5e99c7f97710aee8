package io.aiperf.core.model;

/**
 * One console metric's statistics so far, as the live UI shows them ({@link io.aiperf.core.message.Message.LiveMetrics}).
 * Values are in {@code unit}, the metric's display unit; a statistic the metric does not have (a single-value
 * metric has {@code avg} only) is null.
 *
 * @param tag    the metric tag ({@code time_to_first_token})
 * @param header the console header ({@code Time to First Token})
 */
public record LiveMetric(String tag, String header, String unit, Double avg, Double min, Double max, Double p99,
                         Double p90, Double p50, Double std) {
}
