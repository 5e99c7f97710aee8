package io.aiperf.telemetry.prometheus;

import java.util.List;

/**
 * One parsed scrape: its families in the order they first appeared, the lines that were skipped, and whether it was
 * OpenMetrics (it ended with {@code # EOF}) rather than text format 0.0.4.
 */
public record Exposition(List<MetricFamily> families, List<ParseProblem> problems, boolean openMetrics) {

    public Exposition {
        families = List.copyOf(families);
        problems = List.copyOf(problems);
    }

    /** The family named {@code name} (for an OpenMetrics counter, without {@code _total}), or null. */
    public MetricFamily family(String name) {
        for (MetricFamily f : families) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
