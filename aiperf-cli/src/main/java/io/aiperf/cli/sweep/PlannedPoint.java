package io.aiperf.cli.sweep;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One combination of a sweep's values, ready to run.
 *
 * @param label  its folder relative to the sweep's base, '/'-separated (e.g. {@code Qwen_Qwen3-0.6B/c4})
 * @param values each sweep key to this point's value, in the file's order
 * @param dir    its artifact directory
 * @param args   the {@code aiperf profile} arguments, {@code --artifact-dir dir} last
 */
record PlannedPoint(String label, Map<String, Object> values, Path dir, List<String> args) {

    PlannedPoint {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        args = List.copyOf(args);
    }
}
