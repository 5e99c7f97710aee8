package io.aiperf.cli.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * How one point of a sweep went, for the sweep's summary.
 *
 * @param label   the point's folder relative to the sweep's base, '/'-separated
 * @param values  each sweep key to the point's value, in the file's order (isl-osl as {@code "128/128"})
 * @param dir     the point's artifact directory
 * @param success whether its {@code aiperf profile} exited 0
 * @param error   why it failed (its exit status), or null
 */
public record SweepPointResult(String label, LinkedHashMap<String, Object> values, Path dir, boolean success,
                               String error) {

    public SweepPointResult {
        values = new LinkedHashMap<>(values);
    }

    static SweepPointResult of(PlannedPoint point, int exitCode) {
        return new SweepPointResult(point.label(), new LinkedHashMap<>(point.values()), point.dir(), exitCode == 0,
                exitCode == 0 ? null : "exit code " + exitCode);
    }

    /** A copy: the record's map is not to be changed through it. */
    @Override
    public LinkedHashMap<String, Object> values() {
        return new LinkedHashMap<>(values);
    }
}
