package io.aiperf.cli.sweep;

import io.aiperf.cli.ProfileCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Arrays;

/**
 * The options of {@code aiperf profile}, as picocli's model of {@link ProfileCommand} declares them: what a sweep
 * file's keys are checked against. A key is any of an option's long names without the dashes.
 */
final class ProfileOptions {

    /**
     * The one model the parser and the expansion share: options are compared by identity. Nothing is ever parsed
     * into it.
     */
    static final ProfileOptions SHARED = new ProfileOptions();

    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private final CommandLine.Model.CommandSpec spec = new CommandLine(new ProfileCommand()).getCommandSpec();

    private ProfileOptions() {
    }

    /** The option {@code --key} names, or null (help and version are not options of a run). */
    OptionSpec byKey(String key) {
        return byName("--" + key);
    }

    /** The option an argument such as {@code --url} or {@code -u} names, or null. */
    OptionSpec byName(String name) {
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp() && Arrays.asList(option.names()).contains(name)) {
                return option;
            }
        }
        return null;
    }

    /** Whether {@code option} is the one {@code --name} names. */
    static boolean is(OptionSpec option, String name) {
        return option != null && Arrays.asList(option.names()).contains(name);
    }

    /** The option's first long name, as errors call it ({@code --model-names}, {@code --output-tokens-mean}). */
    static String name(OptionSpec option) {
        for (String name : option.names()) {
            if (name.startsWith("--")) {
                return name;
            }
        }
        return option.longestName();
    }

    /** Whether {@code option} takes no value (a flag such as {@code --streaming}). */
    static boolean isFlag(OptionSpec option) {
        return option.arity().max() == 0;
    }

    /** The long name without dashes nearest to a mistyped {@code key}, or null when none is near. */
    String suggest(String key) {
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            for (String name : option.names()) {
                if (!name.startsWith("--")) {
                    continue;
                }
                int d = distance(key, name.substring(2));
                if (d < bestDistance) {
                    best = name.substring(2);
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
