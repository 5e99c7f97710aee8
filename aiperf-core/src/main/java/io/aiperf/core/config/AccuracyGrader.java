package io.aiperf.core.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * AIPerf's {@code --accuracy-grader} names. {@link #CODE_EXECUTION} is known so that it can be refused by name: it
 * would run the model's code on this machine, which we do not do.
 */
public enum AccuracyGrader {
    EXACT_MATCH("exact_match"),
    MATH("math"),
    MULTIPLE_CHOICE("multiple_choice"),
    CODE_EXECUTION("code_execution");

    private final String cliName;

    AccuracyGrader(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** Whether we grade with it (every grader but {@link #CODE_EXECUTION}). */
    public boolean supported() {
        return this != CODE_EXECUTION;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static AccuracyGrader parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (AccuracyGrader g : values()) {
            if (g.cliName.equals(n)) {
                return g;
            }
        }
        throw new IllegalArgumentException("unknown grader '" + name + "': expected one of "
                + Arrays.stream(values()).map(AccuracyGrader::cliName).collect(Collectors.joining(", ")));
    }
}
