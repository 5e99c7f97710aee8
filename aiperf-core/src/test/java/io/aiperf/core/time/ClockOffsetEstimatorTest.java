package io.aiperf.core.time;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClockOffsetEstimatorTest {

    @Test
    void theShortestRoundTripWins() {
        ClockOffsetEstimator e = new ClockOffsetEstimator();
        e.add(new ClockSample(900, 2_000_000));
        e.add(new ClockSample(10, 80_000));
        e.add(new ClockSample(-700, 1_500_000));

        assertThat(e.best()).isEqualTo(new ClockSample(10, 80_000));
        assertThat(e.samples()).isEqualTo(3);
    }

    @Test
    void aSampleLeavesTheWindowSoTheEstimateFollowsDrift() {
        ClockOffsetEstimator e = new ClockOffsetEstimator();
        e.add(new ClockSample(0, 10_000)); // the best, but it gets old
        for (int i = 1; i <= ClockOffsetEstimator.WINDOW; i++) {
            e.add(new ClockSample(1_000 * i, 50_000 + i));
        }

        assertThat(e.best()).isEqualTo(new ClockSample(1_000, 50_001));
    }

    @Test
    void nothingBeforeTheFirstSample() {
        assertThat(new ClockOffsetEstimator().best()).isNull();
    }
}
