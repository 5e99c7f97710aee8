package io.aiperf.cli.sweep;

import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/**
 * A checked sweep file: the {@code profile} options every point gets, the {@code sweep} axes in the order they are
 * written, and {@code profile.artifact-dir} (the sweep's base folder) when the file gives one.
 *
 * @param name        the file as the user named it, for error messages
 * @param artifactDir {@code profile.artifact-dir}, or null
 */
record SweepFile(String name, List<Setting> profile, List<Axis> axes, String artifactDir) {

    SweepFile {
        profile = List.copyOf(profile);
        axes = List.copyOf(axes);
    }

    /** One {@code profile} key: the option and the arguments it becomes ({@code --key value}, repeated for a list). */
    record Setting(String key, OptionSpec option, List<String> args, int line) {
        Setting {
            args = List.copyOf(args);
        }
    }

    /**
     * One {@code sweep} key and its values.
     *
     * @param options the profile options the axis sets (one; {@code --isl} and {@code --osl} for isl-osl)
     */
    record Axis(String key, List<OptionSpec> options, List<Value> values, int line) {
        Axis {
            options = List.copyOf(options);
            values = List.copyOf(values);
        }
    }

    /**
     * One value of an axis.
     *
     * @param value   what the point's variation records (e.g. {@code 4}, {@code "Qwen/Qwen3-0.6B"}, {@code "128/128"})
     * @param args    the profile arguments it becomes
     * @param segment its folder name inside the sweep's base folder (e.g. {@code c4}, {@code isl128_osl128})
     */
    record Value(Object value, List<String> args, String segment) {
        Value {
            args = List.copyOf(args);
        }
    }
}
