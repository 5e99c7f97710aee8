package io.aiperf.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UiModeTest {

    @Test
    void aTerminalGetsTheDashboardAPipeGetsNone() {
        assertThat(UiMode.choose(null, true, 0)).isEqualTo(UiMode.DASHBOARD);
        assertThat(UiMode.choose(null, false, 0)).isEqualTo(UiMode.NONE);
    }

    @Test
    void verboseOnATerminalGetsTheSimpleBarSoDebugLinesDoNotTearTheDashboard() {
        assertThat(UiMode.choose(null, true, 1)).isEqualTo(UiMode.SIMPLE);
        assertThat(UiMode.choose(null, true, 2)).isEqualTo(UiMode.SIMPLE);
        assertThat(UiMode.choose(null, false, 2)).isEqualTo(UiMode.NONE);
    }

    @Test
    void anExplicitChoiceAlwaysWinsInAnySpelling() {
        assertThat(UiMode.choose("dashboard", false, 2)).isEqualTo(UiMode.DASHBOARD);
        assertThat(UiMode.choose("NONE", true, 0)).isEqualTo(UiMode.NONE);
        assertThat(UiMode.choose("Simple", true, 0)).isEqualTo(UiMode.SIMPLE);
        assertThat(UiMode.choose("tqdm", true, 0)).isNull();
    }
}
