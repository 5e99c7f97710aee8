package io.aiperf.ui;

import io.aiperf.core.config.OptionValues;

/** What the user sees while a run goes on ({@code --ui-type}/{@code --ui}), as AIPerf names and chooses it. */
public enum UiMode {
    /** The full-screen Lanterna dashboard. */
    DASHBOARD("dashboard"),
    /** One progress line per phase with a bar, rate and ETA, then the final table. */
    SIMPLE("simple"),
    /** Plain log lines and the final table: what a CI log or a pipe gets. */
    NONE("none");

    private final String optionValue;

    UiMode(String optionValue) {
        this.optionValue = optionValue;
    }

    public String optionValue() {
        return optionValue;
    }

    /** The mode named by {@code value} (case and {@code -}/{@code _} ignored), or null when it names none. */
    public static UiMode parse(String value) {
        return OptionValues.find(UiMode.class, UiMode::optionValue, value);
    }

    /**
     * AIPerf's choice when the user names none: the dashboard on a terminal, nothing but log lines when stdout is
     * not one, and the simple bar on a terminal with {@code -v}/{@code -vv} (debug lines would tear the dashboard).
     * An explicit value always wins.
     *
     * @param explicit  {@code --ui-type} as given, or null
     * @param verbosity how many {@code -v}s ({@code -vv} counts two)
     * @return the mode, or null when {@code explicit} names none
     */
    public static UiMode choose(String explicit, boolean stdoutIsTty, int verbosity) {
        if (explicit != null) {
            return parse(explicit);
        }
        if (!stdoutIsTty) {
            return NONE;
        }
        return verbosity > 0 ? SIMPLE : DASHBOARD;
    }
}
