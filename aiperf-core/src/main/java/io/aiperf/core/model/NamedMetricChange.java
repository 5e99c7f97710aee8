package io.aiperf.core.model;

/**
 * A server metric the user named with {@code --prometheus-metrics}, as it stood before the profiling window and
 * after it: for a counter the change is what the run added; for a gauge, how far it moved. Summed over the series of
 * the name (every label set) and over the endpoints that have it.
 *
 * @param before the value at the last scrape before profiling, or null when there was none
 * @param after  the value at the last scrape of the window, or null
 * @param change {@code after - before} (a counter's resets counted from zero), or null when either is missing
 */
public record NamedMetricChange(String name, String type, Double before, Double after, Double change) {
}
