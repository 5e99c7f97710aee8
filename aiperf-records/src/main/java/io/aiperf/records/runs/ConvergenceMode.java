package io.aiperf.records.runs;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How {@code --convergence-mode} decides that more runs would not change the answer (AIPerf's three criteria): the
 * confidence interval of the runs' values is narrow relative to their mean, their spread is small relative to the
 * mean, or the last run's per-request distribution matches the earlier runs' (two-sample Kolmogorov-Smirnov test).
 */
public enum ConvergenceMode {

    /** Width of the Student-t confidence interval over mean below the threshold. */
    CI_WIDTH("ci_width"),
    /** Coefficient of variation (sample std over mean) below the threshold. */
    CV("cv"),
    /** KS p-value of the last run against the earlier runs above the threshold (needs profile_export.jsonl). */
    DISTRIBUTION("distribution");

    private final String cliName;

    ConvergenceMode(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** @throws IllegalArgumentException naming the valid values */
    public static ConvergenceMode parse(String value) {
        for (ConvergenceMode mode : values()) {
            if (mode.cliName.equals(value.toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException("invalid --convergence-mode '" + value + "'; valid: " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(ConvergenceMode::cliName).collect(Collectors.joining(", "));
    }
}
