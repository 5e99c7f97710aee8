package io.aiperf.ui.report;

/** {@code --theme}: the report's colours, as AIPerf's plot offers them. */
public enum Theme {
    LIGHT, DARK
}
