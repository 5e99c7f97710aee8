package io.aiperf.cli.sweep;

import io.aiperf.core.error.UsageException;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link SweepFile} into its points: the Cartesian product of the {@code sweep} lists, the first key varying
 * slowest (nested loops in the order the keys are written). Each point's arguments are the file's {@code profile}
 * options, then the command line's own profile options (which replace the file's setting of the same option), then
 * the point's values, then {@code --artifact-dir <base>/<one folder per sweep key>}.
 */
final class SweepExpansion {

    static final Path DEFAULT_BASE = Path.of("artifacts", "sweep");

    private SweepExpansion() {
    }

    /** The base folder: the command's {@code --artifact-dir}, else the file's {@code profile.artifact-dir}. */
    static Path base(SweepFile file, Path commandLineDir) {
        if (commandLineDir != null) {
            return commandLineDir;
        }
        return file.artifactDir() != null ? Path.of(file.artifactDir()) : DEFAULT_BASE;
    }

    /**
     * @param overrides profile options typed after {@code --config FILE}; an unknown one is left for picocli to
     *                  report when the points are checked
     * @throws UsageException an override of a swept option, or two points that would share a folder
     */
    static List<PlannedPoint> expand(SweepFile file, Path base, List<String> overrides) {
        Set<OptionSpec> overridden = overriddenOptions(file, overrides);
        List<String> common = new ArrayList<>();
        for (SweepFile.Setting setting : file.profile()) {
            if (!overridden.contains(setting.option())) {
                common.addAll(setting.args());
            }
        }
        common.addAll(overrides);

        List<PlannedPoint> points = new ArrayList<>();
        int[] index = new int[file.axes().size()];
        Map<String, Integer> labels = new HashMap<>();
        do {
            List<String> args = new ArrayList<>(common);
            Map<String, Object> values = new LinkedHashMap<>();
            List<String> segments = new ArrayList<>();
            for (int a = 0; a < index.length; a++) {
                SweepFile.Axis axis = file.axes().get(a);
                SweepFile.Value value = axis.values().get(index[a]);
                args.addAll(value.args());
                values.put(axis.key(), value.value());
                segments.add(value.segment());
            }
            String label = String.join("/", segments);
            Integer clash = labels.putIfAbsent(label, points.size() + 1);
            if (clash != null) {
                throw new UsageException(file.name() + ": points " + clash + " and " + (points.size() + 1)
                        + " would share the folder '" + label + "' (a value repeated, or two that differ only in "
                        + "characters a folder name cannot hold)");
            }
            Path dir = base;
            for (String segment : segments) {
                dir = dir.resolve(segment);
            }
            args.add("--artifact-dir");
            args.add(dir.toString());
            points.add(new PlannedPoint(label, values, dir, args));
        } while (next(index, file.axes()));
        return points;
    }

    /** Advances the odometer, last axis fastest; false when every combination has been made. */
    private static boolean next(int[] index, List<SweepFile.Axis> axes) {
        for (int a = index.length - 1; a >= 0; a--) {
            if (++index[a] < axes.get(a).values().size()) {
                return true;
            }
            index[a] = 0;
        }
        return false;
    }

    /** The profile options {@code overrides} name; one that a sweep key sets is a usage error. */
    private static Set<OptionSpec> overriddenOptions(SweepFile file, List<String> overrides) {
        ProfileOptions options = ProfileOptions.SHARED;
        Set<OptionSpec> named = new HashSet<>();
        for (String arg : overrides) {
            if (!arg.startsWith("-") || arg.length() < 2 || Character.isDigit(arg.charAt(1))) {
                continue;
            }
            int equals = arg.indexOf('=');
            OptionSpec option = options.byName(equals > 0 ? arg.substring(0, equals) : arg);
            if (option == null) {
                continue;
            }
            for (SweepFile.Axis axis : file.axes()) {
                if (axis.options().contains(option)) {
                    throw new UsageException(ProfileOptions.name(option) + " on the command line: '" + axis.key()
                            + "' is swept in " + file.name() + ":" + axis.line());
                }
            }
            named.add(option);
        }
        return named;
    }
}
