package io.aiperf.telemetry.stats;

import java.util.List;

/**
 * The increase of a counter over a run's scrapes. A value below the previous one means the counter was reset (the
 * server restarted), so the increase then counts from 0 up to that value: never negative, as PromQL's
 * {@code increase} but without its extrapolation to the window's edges, since the benchmark has the scrapes at both.
 */
public final class CounterDelta {

    private CounterDelta() {
    }

    /**
     * The increase from the first scrape to the last, across resets. NaN or infinite values (a broken scrape) are
     * skipped; fewer than two usable values give 0.
     */
    public static double increase(List<Double> scrapes) {
        double[] values = new double[scrapes.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = scrapes.get(i);
            values[i] = value == null ? Double.NaN : value;
        }
        return increase(values);
    }

    /** {@link #increase(List)} of the values in order. */
    public static double increase(double... scrapes) {
        double total = 0;
        double previous = Double.NaN;
        for (double value : scrapes) {
            if (!Double.isFinite(value)) {
                continue;
            }
            if (!Double.isNaN(previous)) {
                // after a reset the counter started again from 0; a (broken) negative value adds nothing
                total += value >= previous ? value - previous : Math.max(0, value);
            }
            previous = value;
        }
        return total;
    }
}
