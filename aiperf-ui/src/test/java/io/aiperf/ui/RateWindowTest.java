package io.aiperf.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RateWindowTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theRateIsTakenOverTheSamplesWithinTheWindow() {
        RateWindow w = new RateWindow(5 * S, 64);
        assertThat(w.perSecond(0)).isNaN();
        for (int t = 0; t <= 10; t++) {
            w.add(t * S, t <= 5 ? 10L * t : 50 + 30L * (t - 5)); // 10/s, then 30/s from t = 5 s
        }
        assertThat(w.perSecond(10 * S)).isCloseTo(30, within(1e-9));
    }

    @Test
    void aStallFallsToZeroWithinTheWindowInsteadOfFreezingTheLastRate() {
        RateWindow w = new RateWindow(5 * S, 64);
        for (int t = 0; t <= 5; t++) {
            w.add(t * S, 100L * t);
        }
        for (int t = 6; t <= 11; t++) {
            w.add(t * S, 500);
        }
        assertThat(w.perSecond(11 * S)).isZero();
    }

    @Test
    void aResetStartsOverForANewPhase() {
        RateWindow w = new RateWindow(5 * S, 64);
        w.add(0, 0);
        w.add(S, 100);
        w.reset();
        w.add(2 * S, 3);
        assertThat(w.perSecond(2 * S)).isNaN();
        w.add(3 * S, 13);
        assertThat(w.perSecond(3 * S)).isCloseTo(10, within(1e-9));
    }

    @Test
    void aRingSmallerThanTheWindowStillGivesTheRateOverWhatItHolds() {
        RateWindow w = new RateWindow(60 * S, 4);
        for (int t = 0; t < 10; t++) {
            w.add(t * S, 7L * t);
        }
        assertThat(w.perSecond(9 * S)).isCloseTo(7, within(1e-9));
    }
}
