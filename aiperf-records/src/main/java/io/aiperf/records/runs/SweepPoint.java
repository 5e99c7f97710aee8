package io.aiperf.records.runs;

import java.nio.file.Path;
import java.util.LinkedHashMap;

/**
 * A sweep point: its label (c4, r10, or a path like m/isl128_osl64/c4), its variation values, its dir.
 *
 * @param variation the swept parameters and their values at this point, in the plan's order
 * @param error     why it failed, or null
 */
public record SweepPoint(String label, LinkedHashMap<String, Object> variation, Path dir, boolean success,
                         String error) {
}
