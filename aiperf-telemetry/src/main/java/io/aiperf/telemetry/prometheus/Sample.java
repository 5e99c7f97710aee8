package io.aiperf.telemetry.prometheus;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sample line of an exposition: its full name (a histogram's keeps {@code _bucket}, {@code _sum}, ...), its
 * labels, its value, and its timestamp in milliseconds since the epoch when the line carried one.
 *
 * @param labels unmodifiable, sorted by label name, so two scrapes' samples of one series compare equal
 * @param timestampMs null when the line has no timestamp (the usual case)
 */
public record Sample(String name, Map<String, String> labels, double value, Long timestampMs) {

    public Sample {
        Objects.requireNonNull(name, "name");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** The value of label {@code key}, or null when the sample has no such label. */
    public String label(String key) {
        return labels.get(key);
    }
}
