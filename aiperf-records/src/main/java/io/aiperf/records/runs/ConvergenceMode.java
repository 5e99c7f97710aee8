package io.aiperf.records.runs;

import io.aiperf.core.config.OptionValues;

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
        ConvergenceMode mode = OptionValues.find(ConvergenceMode.class, ConvergenceMode::cliName, value);
        if (mode == null) {
            throw new IllegalArgumentException("invalid --convergence-mode '" + value + "'; valid: " + names());
        }
        return mode;
    }

    public static String names() {
        return OptionValues.list(ConvergenceMode.class, ConvergenceMode::cliName);
    }
}
